using System.Text.RegularExpressions;
using Platform.Domain;

namespace Platform.Districts.Domain;

/// <summary>What a district's identifying fields must look like.</summary>
public static partial class DistrictRules
{
    /// <summary>Longest identifier: it appears in host names (<c>chaoyang.gongzhi.cn</c>), so it stays short.</summary>
    public const int IdentifierMaxLength = 40;

    /// <summary>Longest name or city.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Identifiers that would collide with platform host names or paths.</summary>
    private static readonly HashSet<string> Reserved = ["system", "www", "api", "admin", "docs", "t", "connect", "account", "identity"];

    /// <summary>Why <paramref name="identifier"/> cannot name a district, or null when it can.</summary>
    public static string? IdentifierProblem(string? identifier) =>
        string.IsNullOrEmpty(identifier) ? "Required."
        : !IdentifierPattern().IsMatch(identifier) ? $"2–{IdentifierMaxLength} lower-case letters, digits or '-', starting with a letter and not ending with '-'."
        : Reserved.Contains(identifier) ? $"'{identifier}' is reserved."
        : null;

    /// <summary>Why <paramref name="adminCode"/> is not an administrative division code, or null when it is.</summary>
    public static string? AdminCodeProblem(string? adminCode) =>
        string.IsNullOrEmpty(adminCode) ? "Required."
        : adminCode.Length != 6 || !adminCode.All(char.IsAsciiDigit) ? "Six digits, e.g. 110105."
        : null;

    /// <summary>Why <paramref name="name"/> cannot be a district or city name, or null when it can.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Required."
        : name.Trim().Length > NameMaxLength ? $"At most {NameMaxLength} characters."
        : null;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}

/// <summary>The districts' domain errors, each code with the kind of answer it calls for.</summary>
public static class DistrictErrors
{
    /// <summary>409: another district has the identifier.</summary>
    public static readonly DomainError IdentifierTaken = DomainError.Conflict("districts.identifier_taken");

    /// <summary>409: another district has the administrative division code.</summary>
    public static readonly DomainError AdminCodeTaken = DomainError.Conflict("districts.admin_code_taken");

    /// <summary>404: no district with the identifier.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("districts.not_found");
}
