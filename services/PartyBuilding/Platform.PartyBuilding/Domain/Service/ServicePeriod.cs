using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.PartyBuilding.Domain.Service;

/// <summary>
/// A period points and feedback are counted over: a quarter (<c>2026-Q4</c>) or a year (<c>2026</c>), in district dates.
/// </summary>
/// <param name="Year">The year.</param>
/// <param name="Quarter">1 to 4 for a quarter; null for the whole year.</param>
public readonly record struct ServicePeriod(int Year, int? Quarter)
{
    /// <summary>The period's first day.</summary>
    public DateOnly FirstDay => new(Year, Quarter is { } q ? (q - 1) * 3 + 1 : 1, 1);

    /// <summary>The period's last day.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(Quarter is null ? 12 : 3).AddDays(-1);

    /// <summary>Whether the period is over on <paramref name="today"/>: feedback is only reported for a period that has ended.</summary>
    public bool HasEndedOn(DateOnly today) => today > LastDay;

    /// <summary>Whether <paramref name="day"/> falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>Reads <c>2026</c> or <c>2026-Q4</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ServicePeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split("-Q", 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 9999)
        {
            return false;
        }

        if (parts.Length == 1)
        {
            period = new ServicePeriod(year, null);
            return true;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
        {
            return false;
        }

        period = new ServicePeriod(year, quarter);
        return true;
    }

    /// <summary>Why <paramref name="text"/> is not a period, or null.</summary>
    public static string? Problem(string? text) => TryParse(text, out _) ? null : "A year (2026) or a quarter (2026-Q4).";

    /// <inheritdoc />
    public override string ToString() =>
        Quarter is { } quarter ? string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{quarter}") : Year.ToString(CultureInfo.InvariantCulture);
}
