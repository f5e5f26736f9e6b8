using Platform.Domain;

namespace Platform.Residents.Domain;

/// <summary>Field rules of the resident master record, shared by the API and the bulk import.</summary>
public static class ResidentRules
{
    /// <summary>The longest name accepted (minority names in Chinese characters can be long).</summary>
    public const int NameMaxLength = 50;

    /// <summary>Why a name is unacceptable, or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A name is required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    /// <summary>
    /// Reads a residence from an import cell, padding ignored: by its wire name (<c>hukou</c>, <c>resident_only</c>) or
    /// as import files say it in Chinese (户籍; 流动人口 or 流动).
    /// </summary>
    public static bool TryParseResidence(string? text, out Residence residence)
    {
        var trimmed = text?.Trim();
        switch (trimmed)
        {
            case "户籍":
                residence = Residence.Hukou;
                return true;
            case "流动人口" or "流动":
                residence = Residence.ResidentOnly;
                return true;
            default:
                return WireNames.TryParse(trimmed, out residence);
        }
    }
}
