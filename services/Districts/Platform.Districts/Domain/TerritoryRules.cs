namespace Platform.Districts.Domain;

/// <summary>Limits on a territory node's fields, shared by the API, the import and the database.</summary>
public static class TerritoryRules
{
    /// <summary>Longest external code (government codes are 12–19 digits; some systems add prefixes).</summary>
    public const int CodeMaxLength = 64;

    /// <summary>Longest display name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>Longest materialised path: nine levels of 37 characters, with room to spare.</summary>
    public const int PathMaxLength = 400;

    /// <summary>Why <paramref name="code"/> cannot be an external code, or null when it can.</summary>
    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "Required."
        : code.Trim().Length > CodeMaxLength ? $"At most {CodeMaxLength} characters."
        : code.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? "No spaces or control characters."
        : null;

    /// <summary>Why <paramref name="name"/> cannot be a node name, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;
}
