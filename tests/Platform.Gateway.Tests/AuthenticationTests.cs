using System.Net;

namespace Platform.Gateway.Tests;

public sealed class AuthenticationTests(GatewayFactory gateway)
{
    private const string ProtectedPath = "/api/residents/demands";

    [Theory]
    [InlineData("none")]
    [InlineData("expired")]
    [InlineData("tampered")]
    [InlineData("signed by an unknown key")]
    public async Task Get_ProtectedRouteWithoutValidToken_Returns401(string token)
    {
        var response = await gateway.SendAsync(ProtectedPath, token switch
        {
            "expired" => TestTokens.CreateExpired(),
            "tampered" => TestTokens.CreateTampered(),
            "signed by an unknown key" => TestTokens.CreateWithUnknownKey(),
            _ => null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_TokenExpiredAMinuteAgo_Returns401InvalidToken()
    {
        var response = await gateway.SendAsync(ProtectedPath, TestTokens.CreateExpiredFor(TimeSpan.FromSeconds(60)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ValidToken_ForwardsRequestWithToken()
    {
        var response = await gateway.SendAsync(ProtectedPath, TestTokens.Create());

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Equal(ProtectedPath, echoed.Path);
        Assert.True(echoed.HasAuthorization);
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/account/login")]
    [InlineData("/api/identity/openapi/v1.json")]
    public async Task Get_AnonymousRouteWithoutToken_IsForwarded(string path)
    {
        var response = await gateway.SendAsync(path);

        Assert.Equal(path, (await GatewayFactory.ReadEchoAsync(response)).Path);
    }

    [Theory]
    [InlineData("/t/chaoyang/api/notices")]
    [InlineData("/t/chaoyang/api/notices/0193a1b2-0000-7000-8000-000000000001")]
    public async Task Get_PublicNoticesWithoutToken_IsForwarded(string path)
    {
        var response = await gateway.SendAsync(path);

        Assert.Equal(path, (await GatewayFactory.ReadEchoAsync(response)).Path);
    }

    [Theory]
    [InlineData("/api/notices")]
    [InlineData("/t/chaoyang/api/notices/0193a1b2-0000-7000-8000-000000000001/objections")]
    public async Task Post_NoticesWithoutToken_Returns401(string path)
    {
        var response = await GatewayFactory.SendAsync(gateway.CreateClient(), HttpMethod.Post, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_IdentityApiBesideOpenApiDocumentWithoutToken_Returns401()
    {
        var response = await gateway.SendAsync("/api/identity/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_HealthWithoutToken_Returns200()
    {
        var response = await gateway.SendAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
