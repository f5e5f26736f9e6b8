using System.Net;

namespace Platform.Gateway.Tests;

public sealed class TenantTests(GatewayFactory gateway)
{
    [Fact]
    public async Task Get_ValidToken_StampsTokensTenant()
    {
        var response = await gateway.SendAsync("/api/residents/demands", TestTokens.Create(TestTokens.Chaoyang));

        Assert.Equal(TestTokens.Chaoyang, (await GatewayFactory.ReadEchoAsync(response)).Tenant);
    }

    [Fact]
    public async Task Get_ClientTenantHeadersWithValidToken_AreReplacedByTokensTenant()
    {
        var response = await gateway.SendAsync("/api/residents/demands", TestTokens.Create(TestTokens.Chaoyang), ForgeTenantHeaders);

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Equal(TestTokens.Chaoyang, echoed.Tenant);
        Assert.Null(echoed.TenantId);
    }

    [Fact]
    public async Task Get_AnonymousRouteWithForgedTenantHeaders_ForwardsNoTenant()
    {
        var response = await gateway.SendAsync("/connect/token", configure: ForgeTenantHeaders);

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Null(echoed.Tenant);
        Assert.Null(echoed.TenantId);
    }

    [Fact]
    public async Task Get_TokenOnAnotherTenantsHost_Returns403WithoutForwarding()
    {
        var marker = Guid.NewGuid().ToString("N");

        var response = await gateway.SendAsync(
            $"http://{TestTokens.Haidian}.{GatewayFactory.TenantDomain}/api/residents/{marker}", TestTokens.Create(TestTokens.Chaoyang));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("tenant_mismatch", await GatewayFactory.ReadProblemCodeAsync(response));
        Assert.False(gateway.Backend.Received(marker));
    }

    [Fact]
    public async Task Get_TokenUnderAnotherTenantsPathPrefix_Returns403WithoutForwarding()
    {
        var marker = Guid.NewGuid().ToString("N");

        var response = await gateway.SendAsync($"/t/{TestTokens.Haidian}/api/residents/{marker}", TestTokens.Create(TestTokens.Chaoyang));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("tenant_mismatch", await GatewayFactory.ReadProblemCodeAsync(response));
        Assert.False(gateway.Backend.Received(marker));
    }

    [Fact]
    public async Task Get_TokenOnOwnTenantsHost_ForwardsHost()
    {
        var host = $"{TestTokens.Chaoyang}.{GatewayFactory.TenantDomain}";

        var response = await gateway.SendAsync($"http://{host}/api/residents/demands", TestTokens.Create(TestTokens.Chaoyang));

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Equal(host, echoed.Host);
        Assert.Equal(TestTokens.Chaoyang, echoed.Tenant);
    }

    [Fact]
    public async Task Get_TokenUnderOwnTenantsPathPrefix_ForwardsPrefix()
    {
        var path = $"/t/{TestTokens.Chaoyang}/api/residents/demands";

        var response = await gateway.SendAsync(path, TestTokens.Create(TestTokens.Chaoyang));

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Equal(path, echoed.Path);
        Assert.Equal(TestTokens.Chaoyang, echoed.Tenant);
    }

    [Fact]
    public async Task Get_AnonymousWithTenantHostAndPrefix_ForwardsBothForTheServiceToResolve()
    {
        var host = $"{TestTokens.Haidian}.{GatewayFactory.TenantDomain}";
        var path = $"/t/{TestTokens.Haidian}/account/login";

        var response = await gateway.SendAsync($"http://{host}{path}");

        var echoed = await GatewayFactory.ReadEchoAsync(response);
        Assert.Equal((host, path, null), (echoed.Host, echoed.Path, echoed.Tenant));
    }

    private static void ForgeTenantHeaders(HttpRequestMessage request)
    {
        request.Headers.Add("X-Tenant", TestTokens.Haidian);
        request.Headers.Add("Tenant-Id", Guid.NewGuid().ToString());
    }
}
