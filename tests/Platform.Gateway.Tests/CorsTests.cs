using System.Net;

namespace Platform.Gateway.Tests;

public sealed class CorsTests(GatewayFactory gateway)
{
    private const string Path = "/api/residents/demands";

    [Fact]
    public async Task Preflight_FromPortalOrigin_IsAllowedWithoutToken()
    {
        var response = await PreflightAsync(GatewayFactory.PortalOrigin);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(GatewayFactory.PortalOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsHeaders()
    {
        var response = await PreflightAsync("https://evil.example");

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_FromPortalOrigin_ExposesCorrelationId()
    {
        var response = await gateway.SendAsync(Path, TestTokens.Create(), request => request.Headers.Add("Origin", GatewayFactory.PortalOrigin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayFactory.PortalOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("X-Correlation-Id", Header(response, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin) =>
        GatewayFactory.SendAsync(gateway.CreateClient(), HttpMethod.Options, Path, configure: request =>
        {
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
