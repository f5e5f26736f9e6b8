using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Identity.Tests;

public sealed class TokenFlowTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordGrant_SeededOperator_IssuesSignedAccessTokenWithTenantRolesAndScopes()
    {
        var (status, body) = await fixture.PasswordTokenAsync("operator", IdentityFixture.OperatorPassword, "system");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        var token = await ValidateAgainstPublishedKeysAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("00000000-0000-0000-0000-000000000001", token.GetClaim("tenant_id").Value);
        Assert.Equal("system", token.GetClaim("tenant").Value);
        Assert.Equal("platform-operator", token.GetClaim("role").Value);
        Assert.Contains("api", token.GetClaim("scope").Value.Split(' '));
        Assert.True(Guid.TryParse(token.Subject, out _));
    }

    [Fact]
    public async Task PasswordGrant_DemoStreetAdmin_CarriesDistrictAndRole()
    {
        var token = new JsonWebToken(await fixture.AccessTokenAsync("demo-street-admin", IdentityFixture.DemoPassword, "demo"));

        Assert.Equal("demo", token.GetClaim("tenant").Value);
        Assert.Equal(fixture.Demo.Id.ToString(), token.GetClaim("tenant_id").Value);
        Assert.Equal("street-admin", token.GetClaim("role").Value);
    }

    [Fact]
    public async Task PasswordGrant_DistrictWithoutMembership_IsInvalidGrant()
    {
        var (status, body) = await fixture.PasswordTokenAsync("demo-resident", IdentityFixture.DemoPassword, fixture.Other.Identifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("demo-resident", "wrong-Password-1!", "demo", "invalid_grant")]
    [InlineData("nobody-here", IdentityFixture.DemoPassword, "demo", "invalid_grant")]
    [InlineData("demo-resident", IdentityFixture.DemoPassword, "no-such-district", "invalid_grant")]
    [InlineData("demo-resident", IdentityFixture.DemoPassword, null, "invalid_request")]
    public async Task PasswordGrant_BadRequest_IsRefusedWithOAuthError(string login, string password, string? tenant, string error)
    {
        var (status, body) = await fixture.PasswordTokenAsync(login, password, tenant);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PasswordGrant_FromAClientOtherThanPlatformCli_IsRefused()
    {
        var (status, body) = await fixture.RequestTokenAsync(
        [
            new("grant_type", "password"), new("client_id", "portal"), new("username", "demo-resident"),
            new("password", IdentityFixture.DemoPassword), new("tenant", "demo"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RefreshToken_AfterRolesChanged_NewAccessTokenCarriesNewRoles()
    {
        var login = $"refresh-{Guid.NewGuid():N}"[..20];
        var userId = await fixture.CreateMemberAsync(fixture.Demo, "volunteer", login: login);
        var (_, first) = await fixture.PasswordTokenAsync(login, IdentityFixture.MemberPassword, "demo");
        using (var admin = fixture.CreateClient(await fixture.AccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo")))
        {
            using var change = await admin.PostAsJsonAsync($"/api/identity/users/{userId}/memberships", new { roles = new[] { "grid-worker" }, scopeNodeId = fixture.NorthCommunity }, Cancellation);
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        var (status, refreshed) = await fixture.RequestTokenAsync(
            [new("grant_type", "refresh_token"), new("client_id", "platform-cli"), new("refresh_token", first.GetProperty("refresh_token").GetString()!)]);

        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JsonWebToken(refreshed.GetProperty("access_token").GetString());
        Assert.Equal("grid-worker", token.GetClaim("role").Value);
        Assert.Equal(fixture.NorthCommunity.ToString(), token.GetClaim("territory").Value);
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_ThroughLoginPage_IssuesTokenForNamedDistrict()
    {
        using var browser = fixture.CreateClient();
        var (verifier, authorize) = CodeFlowSteps.PortalAuthorization("s-123");

        using var toLogin = await browser.GetAsync(authorize, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/account/login", toLogin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var loginPage = await browser.GetStringAsync(toLogin.Headers.Location, Cancellation);
        using var signedIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative),
            CodeFlowSteps.SignInForm(loginPage, "demo-community-worker", IdentityFixture.DemoPassword), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var toClient = await browser.GetAsync(signedIn.Headers.Location, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = QueryHelpers.ParseQuery(toClient.Headers.Location!.Query);
        Assert.Equal("s-123", callback["state"].ToString());

        var (status, body) = await fixture.RequestTokenAsync(CodeFlowSteps.CodeRedemption(toClient.Headers.Location, verifier));
        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("demo", token.GetClaim("tenant").Value);
        Assert.Equal("community-worker", token.GetClaim("role").Value);
    }

    [Fact]
    public async Task AuthorizationCode_WithoutPkce_IsRefused()
    {
        using var browser = fixture.CreateClient();
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal", ["response_type"] = "code", ["redirect_uri"] = "http://localhost:5173/auth/callback",
            ["scope"] = "openid api", ["tenant"] = "demo",
        });

        using var response = await browser.GetAsync(new Uri(authorize, UriKind.Relative), Cancellation);

        // Refused before any sign-in: no redirect to the login page, no code.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lockout_AfterFiveWrongPasswords_EvenTheRightPasswordIsRefusedAndAudited()
    {
        var login = $"lock-{Guid.NewGuid():N}"[..20];
        var userId = await fixture.CreateMemberAsync(fixture.Demo, "resident", login: login);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (wrong, _) = await fixture.PasswordTokenAsync(login, "Wrong-Password-1!", "demo");
            Assert.Equal(HttpStatusCode.BadRequest, wrong);
        }

        var (status, body) = await fixture.PasswordTokenAsync(login, IdentityFixture.MemberPassword, "demo");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        using var admin = fixture.CreateClient(await fixture.AccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo"));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=login_failed&pageSize=100", Cancellation);
        var mine = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("subject").GetString() == userId.ToString()).ToList();
        // The fifth wrong password is the one that locks the account; every later attempt is refused as locked.
        Assert.Equal(["locked out", "locked out", "wrong password", "wrong password", "wrong password", "wrong password"], mine.Select(e => e.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ProtectedEndpoint_TamperedMalformedOrMissingToken_Is401()
    {
        var valid = await fixture.AccessTokenAsync("demo-resident", IdentityFixture.DemoPassword, "demo");
        var parts = valid.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["tenant"] = JsonSerializer.SerializeToElement("other");
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        foreach (var token in new[] { tampered, "not-a-token", null })
        {
            using var client = token is null ? fixture.CreateClient() : fixture.CreateClient(token);
            using var response = await client.GetAsync(new Uri("/api/identity/me", UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var ok = fixture.CreateClient(valid))
        {
            var me = await ok.GetFromJsonAsync<JsonElement>("/api/identity/me", Cancellation);
            Assert.Equal("demo", me.GetProperty("tenant").GetString());
            Assert.Equal("claim", me.GetProperty("tenantSource").GetString());
        }
    }

    [Fact]
    public async Task ExpiredToken_Is401()
    {
        await using var shortLived = fixture.Factory.WithWebHostBuilder(web => web.UseSetting("Identity:AccessTokenLifetime", "00:00:01"));
        using var client = shortLived.CreateClient();
        using var tokenResponse = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("grant_type", "password"), new("client_id", "platform-cli"), new("username", "demo-resident"),
            new("password", IdentityFixture.DemoPassword), new("tenant", "demo"), new("scope", "api"),
        ]), Cancellation);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString();
        // OpenIddict's validation compares the expiry with the clock without skew, so a short wait suffices.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancellation);

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/identity/me", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UserInfo_ReturnsTheCallersDistrictAndRoles()
    {
        using var client = fixture.CreateClient(await fixture.AccessTokenAsync("demo-volunteer", IdentityFixture.DemoPassword, "demo"));

        var info = await client.GetFromJsonAsync<JsonElement>("/connect/userinfo", Cancellation);

        Assert.Equal("demo", info.GetProperty("tenant").GetString());
        Assert.Equal("volunteer", info.GetProperty("role")[0].GetString());
    }

    private async Task<JsonWebToken> ValidateAgainstPublishedKeysAsync(string accessToken)
    {
        using var client = fixture.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", Cancellation);
        var jwks = new JsonWebKeySet(await client.GetStringAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!), Cancellation));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidateAudience = false,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
