using System.Globalization;

namespace Platform.Portal;

/// <summary>Every time the portal shows is Beijing time (UTC+8, no daylight saving), whatever the server's zone.</summary>
internal static class BeijingTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Such as 2026年12月2日 09:30.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>The day <paramref name="instant"/> falls on in Beijing.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant <paramref name="day"/> begins in Beijing (midnight, UTC+8).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Zone.BaseUtcOffset);
}
