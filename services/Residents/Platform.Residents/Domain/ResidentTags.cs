using System.Diagnostics.CodeAnalysis;

namespace Platform.Residents.Domain;

/// <summary>
/// The tags that mark residents needing attention or entitled to services (DOMAIN.md §2). Fixed, so that every
/// community counts the same things and reports add up across a district.
/// </summary>
public static class ResidentTags
{
    /// <summary>低保: receives minimum living allowance.</summary>
    public const string LowIncome = "low-income";

    /// <summary>残疾: has a disability.</summary>
    public const string Disabled = "disabled";

    /// <summary>高龄: aged 70 or over.</summary>
    public const string Elderly = "elderly";

    /// <summary>未成年: under 18.</summary>
    public const string Minor = "minor";

    /// <summary>优抚: entitled to special care (veterans, martyrs' families).</summary>
    public const string SpecialCare = "special-care";

    /// <summary>独居: lives alone.</summary>
    public const string LivingAlone = "living-alone";

    /// <summary>Every tag.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LowIncome, Disabled, Elderly, Minor, SpecialCare, LivingAlone,
    };

    /// <summary>The tags that follow from the date of birth alone, never taken from what someone typed.</summary>
    public static IReadOnlySet<string> Age { get; } = new HashSet<string>(StringComparer.Ordinal) { Elderly, Minor };

    // What import files (and the people who fill them in) call the tags.
    private static readonly Dictionary<string, string> ChineseNames = new(StringComparer.Ordinal)
    {
        ["低保"] = LowIncome, ["残疾"] = Disabled, ["高龄"] = Elderly, ["未成年"] = Minor, ["优抚"] = SpecialCare, ["独居"] = LivingAlone,
    };

    /// <summary>Reads a tag by its name or its Chinese name (低保, 残疾, 高龄, 未成年, 优抚, 独居).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? tag)
    {
        var trimmed = text?.Trim() ?? "";
        var lower = trimmed.ToLowerInvariant();
        tag = All.Contains(lower) ? lower : ChineseNames.GetValueOrDefault(trimmed);
        return tag is not null;
    }

    /// <summary>The tags that follow from the date of birth: elderly from 70, minor under 18.</summary>
    public static IEnumerable<string> FromAge(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year - (today < birthDate.AddYears(today.Year - birthDate.Year) ? 1 : 0);
        if (age >= 70)
        {
            yield return Elderly;
        }

        if (age < 18)
        {
            yield return Minor;
        }
    }
}
