using System.Globalization;

namespace Platform.ServiceDefaults;

/// <summary>
/// What every service refuses in any text it is sent, before an endpoint sees it: a NUL character (PostgreSQL
/// stores no U+0000 in text) and dates outside <see cref="EarliestYear"/>–<see cref="LatestYear"/> (at the
/// calendar's edges, date arithmetic throws; no governance record is that old or that far ahead).
/// </summary>
public static class InputBounds
{
    /// <summary>The earliest year a date may name.</summary>
    public const int EarliestYear = 1900;

    /// <summary>The latest year a date may name.</summary>
    public const int LatestYear = 2200;

    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? ProblemWith(ReadOnlySpan<char> value)
    {
        if (value.Contains('\0'))
        {
            return "The text contains a NUL character (U+0000), which is not accepted.";
        }

        return LooksLikeDate(value, out var year) && year is < EarliestYear or > LatestYear
            ? $"Dates must lie between the years {EarliestYear} and {LatestYear}."
            : null;
    }

    // ISO 8601 dates and instants begin with yyyy-MM-dd; that is how every date parameter and field is written.
    private static bool LooksLikeDate(ReadOnlySpan<char> value, out int year)
    {
        year = 0;
        return value.Length >= 10 && value[4] == '-' && value[7] == '-'
            && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9])
            && (value.Length == 10 || value[10] is 'T' or 't' or ' ')
            && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year);
    }
}
