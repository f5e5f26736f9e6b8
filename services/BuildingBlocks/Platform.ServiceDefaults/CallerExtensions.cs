using System.Security.Claims;

namespace Platform.ServiceDefaults;

/// <summary>Who is calling, as the platform's access tokens say it.</summary>
public static class CallerExtensions
{
    /// <summary>The token's subject claim (claims are not renamed on the way in).</summary>
    public const string SubjectClaim = "sub";

    /// <summary>The caller's user id (or, for a machine client, its client id); null for an anonymous caller.</summary>
    public static string? UserId(this ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.FindFirstValue(SubjectClaim);
    }
}
