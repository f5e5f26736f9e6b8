namespace Platform.TimeBank.Domain.Ledger;

/// <summary>Star levels (星级志愿者) by cumulative earned hours: one star from 100 h, then 300, 600, 1,000 and 1,500 h.</summary>
public static class StarLevels
{
    /// <summary>The earned hours each star needs, lowest first.</summary>
    public static readonly IReadOnlyList<int> ThresholdHours = [100, 300, 600, 1_000, 1_500];

    /// <summary>The stars (0–5) earned by <paramref name="earnedMinutes"/>.</summary>
    public static int Of(long earnedMinutes) => ThresholdHours.Count(hours => earnedMinutes >= hours * 60L);
}
