using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace Platform.Portal.Session;

/// <summary>
/// Keeps each signed-in user's session (claims, access, refresh and identity tokens) on the server; the browser's
/// cookie carries only the session's random key. Tokens therefore never reach the browser, and an interactive
/// page, which has no cookie to rewrite, can still store the tokens it refreshed (<see cref="UserTokens"/>).
/// </summary>
/// <remarks>
/// The tickets are encrypted with the data-protection keys before they are cached, so that the shared cache (the
/// portal's database, <see cref="DatabaseSessionCache"/>) holds no readable token.
/// </remarks>
internal sealed class SessionTicketStore(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>The claim that names the session, so that interactive pages can find its tokens.</summary>
    public const string SessionKeyClaim = "portal_session";

    private const string CachePrefix = "portal-session:";

    private readonly IDataProtector _protector = protection.CreateProtector("Platform.Portal.Session");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim(SessionKeyClaim, key));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var entry = new DistributedCacheEntryOptions();
        if (ticket.Properties.ExpiresUtc is { } expires)
        {
            entry.AbsoluteExpiration = expires;
        }

        return cache.SetAsync(CachePrefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), entry);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var stored = await cache.GetAsync(CachePrefix + key);
        if (stored is null)
        {
            return null;
        }

        var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        return ticket?.Properties.ExpiresUtc is { } expires && expires < clock.GetUtcNow() ? null : ticket;
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(CachePrefix + key);

    /// <summary>The session key of a signed-in user, from the claim <see cref="StoreAsync"/> added.</summary>
    public static string? KeyOf(ClaimsPrincipal user) => user.FindFirst(SessionKeyClaim)?.Value;
}
