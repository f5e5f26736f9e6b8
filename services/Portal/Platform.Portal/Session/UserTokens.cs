using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Session;

/// <summary>
/// The signed-in user's access token for calling the APIs, exchanged for a new one shortly before it expires.
/// Works the same for a plain request and for an interactive page, because both read the session from the
/// server-side store by its key.
/// </summary>
internal sealed class UserTokens(SessionTicketStore sessions, TokenClient tokens, IOptions<PortalOptions> options, TimeProvider clock)
{
    // Names under which the OpenID Connect handler saves the tokens in the session (SaveTokens).
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string IdToken = "id_token";
    public const string ExpiresAt = "expires_at";

    // Two pages of one session asking at once refresh once: the second waits and finds the new token. Striped, so
    // that sessions need no lock objects of their own; a refresh is rare enough that sharing a stripe costs nothing.
    private static readonly SemaphoreSlim[] RefreshLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>A current access token for <paramref name="user"/>, or null when the session has ended or cannot be refreshed.</summary>
    public async Task<string?> AccessTokenAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (SessionTicketStore.KeyOf(user) is not { } key || await sessions.RetrieveAsync(key) is not { } ticket)
        {
            return null;
        }

        if (!NeedsRefresh(ticket.Properties))
        {
            return ticket.Properties.GetTokenValue(AccessToken);
        }

        var gate = RefreshLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % RefreshLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            ticket = await sessions.RetrieveAsync(key);
            if (ticket is null || !NeedsRefresh(ticket.Properties))
            {
                return ticket?.Properties.GetTokenValue(AccessToken);
            }

            var refreshed = ticket.Properties.GetTokenValue(RefreshToken) is { } refreshToken
                ? await tokens.RefreshAsync(refreshToken, cancellationToken)
                : null;
            if (refreshed is null)
            {
                // The next request finds no session and is sent to sign in.
                await sessions.RemoveAsync(key);
                return null;
            }

            Store(ticket.Properties, refreshed);
            await sessions.RenewAsync(key, ticket);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The session's refresh token, for revoking it at sign-out.</summary>
    public async Task<string?> RefreshTokenAsync(ClaimsPrincipal user) =>
        SessionTicketStore.KeyOf(user) is { } key && await sessions.RetrieveAsync(key) is { } ticket
            ? ticket.Properties.GetTokenValue(RefreshToken)
            : null;

    private bool NeedsRefresh(AuthenticationProperties session) =>
        !DateTimeOffset.TryParse(session.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
        || expires - options.Value.RefreshBeforeExpiry <= clock.GetUtcNow();

    private void Store(AuthenticationProperties session, RefreshedTokens refreshed)
    {
        session.UpdateTokenValue(AccessToken, refreshed.AccessToken);
        session.UpdateTokenValue(ExpiresAt, clock.GetUtcNow().AddSeconds(refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        // The token server rolls refresh tokens: the new one replaces the old, which it no longer accepts.
        if (refreshed.RefreshToken is { } refreshToken)
        {
            session.UpdateTokenValue(RefreshToken, refreshToken);
        }

        if (refreshed.IdToken is { } idToken)
        {
            session.UpdateTokenValue(IdToken, idToken);
        }
    }
}
