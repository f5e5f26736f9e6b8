using System.Text.RegularExpressions;
using Platform.Identity.Domain;
using Platform.PersonalData;

namespace Platform.Identity.Users;

/// <summary>
/// The field rules of user requests, each as "why is this value wrong, or null", so that request records check
/// their shape with them (<c>FieldChecks</c>) and a client sees every problem at once.
/// </summary>
internal static partial class UserValidation
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex LoginPattern();

    public static string NormaliseLogin(string login) => login.Trim().ToLowerInvariant();

    public static string? LoginProblem(string? login) =>
        string.IsNullOrWhiteSpace(login) || !LoginPattern().IsMatch(NormaliseLogin(login))
            ? "3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit."
            : null;

    public static string? DisplayNameProblem(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100 ? "Required, at most 100 characters." : null;

    public static string? PasswordProblem(string? password) => string.IsNullOrEmpty(password) ? "Required." : null;

    /// <summary>An optional phone is checked by the platform's one mobile-number rule (the one Residents applies).</summary>
    public static string? PhoneProblem(string? phone) =>
        string.IsNullOrEmpty(phone) || MobilePhone.TryParse(phone, out _, out var problem) ? null : problem;

    /// <summary>The eleven digits stored for a phone that passed <see cref="PhoneProblem"/>; null when none was given.</summary>
    public static string? MobileNumber(string? phone) =>
        !string.IsNullOrEmpty(phone) && MobilePhone.TryParse(phone, out var mobile, out _) ? mobile.Value : null;

    public static string? RolesProblem(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return "At least one role.";
        }

        var unknown = roles.Where(role => !PlatformRoles.IsKnown(role)).ToList();
        return unknown.Count > 0
            ? $"Unknown roles: {string.Join(", ", unknown)}. Known roles: {string.Join(", ", PlatformRoles.All)}."
            : null;
    }

    /// <summary><c>138****8000</c>: enough to recognise a number, not enough to call it.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is null ? null : MobilePhone.TryParse(phone, out var mobile, out _) ? mobile.Masked : "****";
}
