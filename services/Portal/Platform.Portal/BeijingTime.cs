using System.Globalization;

namespace Platform.Portal;

/// <summary>Every time the portal shows is Beijing time (UTC+8, no daylight saving), whatever the server's zone.</summary>
internal static class BeijingTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Such as 2026年12月2日 09:30.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.GetCultureInfo("zh-CN"));
}
