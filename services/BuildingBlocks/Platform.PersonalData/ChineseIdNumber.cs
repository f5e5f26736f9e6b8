using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.PersonalData;

/// <summary>
/// A resident identity card number (居民身份证号码, GB 11643-1999): six digits of the region where it was issued,
/// the eight-digit birth date, a three-digit sequence whose last digit is odd for men and even for women,
/// and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public sealed class ChineseIdNumber
{
    private const int Length = 18;
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Provincial-level codes that open a region code (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证).
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    private ChineseIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The number, upper-case X.</summary>
    public string Value { get; }

    /// <summary>The six-digit region code where the number was issued.</summary>
    public string RegionCode => Value[..6];

    /// <summary>The holder's date of birth.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Whether the sequence marks a man (odd) or a woman (even).</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>The form lists and search results show: <c>110***********123X</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), new string('*', 11), Value.AsSpan(14));

    /// <summary>
    /// Reads <paramref name="text"/> as an ID number valid on <paramref name="today"/>, or says why it is not one.
    /// Surrounding spaces are ignored and a lower-case x is accepted.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out ChineseIdNumber? number, [NotNullWhen(false)] out string? problem)
    {
        number = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        problem = value.Length != Length ? $"An ID number has {Length} characters."
            : value.AsSpan(0, Length - 1).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[^1]) || value[^1] == 'X') ? "Seventeen digits followed by a digit or X."
            : !Provinces.Contains(int.Parse(value.AsSpan(0, 2), CultureInfo.InvariantCulture)) ? $"'{value[..6]}' is not a region code."
            : null;
        if (problem is not null)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900 || birthDate > today)
        {
            problem = $"'{value.Substring(6, 8)}' is not a possible date of birth.";
            return false;
        }

        if (CheckCharacter(value) != value[^1])
        {
            problem = "The check character does not match: the number has a typing error.";
            return false;
        }

        number = new ChineseIdNumber(value, birthDate);
        return true;
    }

    /// <summary>The check character the first seventeen digits call for.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> number)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (number[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <inheritdoc />
    public override string ToString() => Masked;
}
