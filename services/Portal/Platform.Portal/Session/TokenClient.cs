using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Session;

/// <summary>
/// The portal's back channel to the token server, beside what the OpenID Connect handler does itself: refreshing
/// the access token and revoking the refresh token at sign-out. Endpoints come from the discovery document.
/// </summary>
internal sealed partial class TokenClient(
    HttpClient http, IOptionsMonitor<OpenIdConnectOptions> oidc, IOptions<PortalOptions> portal, ILogger<TokenClient> logger)
{
    private const string RevocationEndpointKey = "revocation_endpoint";

    /// <summary>New tokens for <paramref name="refreshToken"/>, or null when the token server refuses it (revoked, expired, membership gone).</summary>
    public async Task<RefreshedTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var configuration = await ConfigurationAsync(cancellationToken);
        using var response = await http.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(
        [
            new("grant_type", "refresh_token"),
            new("client_id", portal.Value.ClientId),
            new("refresh_token", refreshToken),
        ]), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefreshRefused(logger, (int)response.StatusCode);
            return null;
        }

        return await response.Content.ReadFromJsonAsync<RefreshedTokens>(cancellationToken);
    }

    /// <summary>Revokes <paramref name="refreshToken"/>, so that nobody can use it after the user signed out.</summary>
    public async Task RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var configuration = await ConfigurationAsync(cancellationToken);
        if (configuration.AdditionalData.TryGetValue(RevocationEndpointKey, out var endpoint) && endpoint?.ToString() is { Length: > 0 } revocation)
        {
            using var response = await http.PostAsync(revocation, new FormUrlEncodedContent(
            [
                new("client_id", portal.Value.ClientId),
                new("token", refreshToken),
                new("token_type_hint", "refresh_token"),
            ]), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRevocationRefused(logger, (int)response.StatusCode);
            }
        }
    }

    private Task<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellationToken) =>
        oidc.Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token server refused to refresh a session's access token ({Status}); the user signs in again")]
    private static partial void LogRefreshRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token server refused to revoke a refresh token at sign-out ({Status})")]
    private static partial void LogRevocationRefused(ILogger logger, int status);
}

/// <summary>The token endpoint's answer to a refresh.</summary>
internal sealed record RefreshedTokens(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
