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

    /// <summary>Parses <c>hukou</c> / <c>resident_only</c> (and the Chinese 户籍 / 流动人口, as import files say it).</summary>
    public static bool TryParseResidence(string? text, out Residence residence)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "hukou" or "户籍":
                residence = Residence.Hukou;
                return true;
            case "resident_only" or "流动人口" or "流动":
                residence = Residence.ResidentOnly;
                return true;
            default:
                residence = default;
                return false;
        }
    }
}
