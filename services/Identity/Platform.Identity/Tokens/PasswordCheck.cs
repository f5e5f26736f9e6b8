using Microsoft.AspNetCore.Identity;
using Platform.Identity.Audit;
using Platform.Identity.Domain;

namespace Platform.Identity.Tokens;

/// <summary>
/// Checks a login and password for both the password grant and the interactive login page: counts failures
/// towards lockout and audits every refusal. The caller learns only whether it worked; why it did not is in
/// the audit trail, not in the answer, so that probing reveals nothing about which logins exist.
/// </summary>
internal sealed class PasswordCheck(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AuditTrail audit)
{
    /// <summary>The message every refused login gets.</summary>
    public const string Refusal = "The login or password is wrong, or the account is temporarily locked.";

    /// <summary>Returns the user when the password is right and the account is not locked out.</summary>
    public async Task<PlatformUser?> VerifyAsync(string? login, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var user = await users.FindByNameAsync(login.Trim());
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.LoginFailed, login.Trim(), "unknown login", null, cancellationToken);
            return null;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return user;
        }

        var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password";
        await audit.RecordAsync(AuditActions.LoginFailed, user.Id.ToString(), reason, user.Id, cancellationToken);
        return null;
    }
}
