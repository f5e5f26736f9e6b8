using System.Text.RegularExpressions;
using Platform.Identity.Domain;
using Platform.PersonalData;

namespace Platform.Identity.Users;

/// <summary>Field checks for user requests, collected so that a client sees every problem at once.</summary>
internal static partial class UserValidation
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex LoginPattern();

    public static string NormaliseLogin(string login) => login.Trim().ToLowerInvariant();

    public static void Login(string? login, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(login) || !LoginPattern().IsMatch(NormaliseLogin(login)))
        {
            errors["login"] = ["3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit."];
        }
    }

    public static void DisplayName(string? displayName, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 100)
        {
            errors["displayName"] = ["Required, at most 100 characters."];
        }
    }

    /// <summary>
    /// The optional phone by the platform's one mobile-number rule (the one Residents applies), as the eleven
    /// digits stored; null when none was given or it is not a mainland mobile.
    /// </summary>
    public static string? Phone(string? phone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return null;
        }

        if (!MobilePhone.TryParse(phone, out var mobile, out var problem))
        {
            errors["phone"] = [problem];
            return null;
        }

        return mobile.Value;
    }

    public static void Roles(IReadOnlyList<string>? roles, Dictionary<string, string[]> errors)
    {
        if (roles is null || roles.Count == 0)
        {
            errors["roles"] = ["At least one role."];
            return;
        }

        var unknown = roles.Where(role => !PlatformRoles.IsKnown(role)).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown roles: {string.Join(", ", unknown)}. Known roles: {string.Join(", ", PlatformRoles.All)}."];
        }
    }

    /// <summary><c>138****8000</c>: enough to recognise a number, not enough to call it.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is null ? null : MobilePhone.TryParse(phone, out var mobile, out _) ? mobile.Masked : "****";
}
