namespace Platform.Gateway.Tests;

public sealed class ForwardedHeadersTests(GatewayFactory gateway)
{
    [Fact]
    public async Task Get_ForwardedHostFromLoopbackProxy_IsTheHostForwardedToTheService()
    {
        await using var kestrel = gateway.StartOnKestrel();
        using var client = kestrel.CreateClient();
        var host = $"{TestTokens.Chaoyang}.{GatewayFactory.TenantDomain}";

        var response = await GatewayFactory.SendAsync(
            client, HttpMethod.Get, "/api/residents/demands", TestTokens.Create(TestTokens.Chaoyang), request => request.Headers.Add("X-Forwarded-Host", host));

        Assert.Equal(host, (await GatewayFactory.ReadEchoAsync(response)).Host);
    }
}
