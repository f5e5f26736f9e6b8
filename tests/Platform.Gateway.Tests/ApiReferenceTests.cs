using System.Net;

namespace Platform.Gateway.Tests;

public sealed class ApiReferenceTests(GatewayFactory gateway)
{
    [Fact]
    public async Task Get_DocsWithoutToken_ReturnsReferencePageForEachService()
    {
        var response = await gateway.SendAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // Scalar resolves the document's URL against the site root, i.e. /api/identity/openapi/v1.json.
        Assert.Contains("\"url\":\"api/identity/openapi/v1.json\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DocsScriptWithoutToken_IsServedFromThePackage()
    {
        var page = await gateway.SendAsync("/docs");

        var script = await gateway.SendAsync(new Uri(page.RequestMessage!.RequestUri!, "scalar.js").PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}
