namespace Platform.Domain;

/// <summary>
/// Calendar dates as the districts live them: every district is in mainland China, on UTC+8 all year, so an
/// age or a "today" is computed there, not in UTC (a resident turns 70 at midnight Beijing time).
/// </summary>
public static class DistrictClock
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The date in the districts at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime);
}
