using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.MultiTenancy.Tests;

/// <summary>
/// Stands in for JWT validation in resolution tests: the request's <c>Test-Claims</c> header
/// (<c>type=value;type=value</c>) becomes an authenticated principal, as a validated token would.
/// </summary>
internal sealed class ClaimsFromHeaderAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestClaims";
    public const string Header = "Test-Claims";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = header.Split(';').Select(pair => pair.Split('=', 2)).Select(kv => new Claim(kv[0], kv[1]));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
