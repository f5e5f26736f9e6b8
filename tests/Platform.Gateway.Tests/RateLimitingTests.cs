using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

public sealed class RateLimitingTests(GatewayFactory gateway)
{
    private const string Path = "/api/residents/demands";

    [Fact]
    public async Task Get_ClientOverItsBucket_Returns429WithRetryAfter()
    {
        await using var limited = WithBuckets(perTenant: 100, perClient: 2);
        using var client = limited.CreateClient();
        var token = TestTokens.Create(TestTokens.Chaoyang, "app-1");
        await AssertServedAsync(client, token, times: 2);

        var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("rate_limited", await GatewayFactory.ReadProblemCodeAsync(response));
    }

    [Fact]
    public async Task Get_ClientOverItsBucket_OtherClientsAndTenantsStillServed()
    {
        await using var limited = WithBuckets(perTenant: 100, perClient: 2);
        using var client = limited.CreateClient();
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "app-1"), times: 3, expectLastLimited: true);

        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "app-2"), times: 2);
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Haidian, "app-1"), times: 2);
    }

    [Fact]
    public async Task Get_TenantOverItsBucket_LimitsAllItsClientsButNotOtherTenants()
    {
        await using var limited = WithBuckets(perTenant: 3, perClient: 100);
        using var client = limited.CreateClient();
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "app-1"), times: 2);
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "app-2"), times: 1);

        var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, TestTokens.Create(TestTokens.Chaoyang, "app-3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Haidian, "app-1"), times: 2);
    }

    [Fact]
    public async Task Get_UserOverTheirBucket_OtherUsersOfTheSameClientStillServed()
    {
        await using var limited = WithBuckets(perTenant: 100, perClient: 2);
        using var client = limited.CreateClient();
        var resident = Guid.NewGuid().ToString();
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", resident), times: 3, expectLastLimited: true);

        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", Guid.NewGuid().ToString()), times: 2);
        // The bucket is the user's, not the token's: a fresh token does not refill it.
        var again = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", resident));
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
    }

    [Fact]
    public async Task Get_UsersOfOneClient_AreTogetherCappedByTheirDistrictsBucket()
    {
        await using var limited = WithBuckets(perTenant: 3, perClient: 100);
        using var client = limited.CreateClient();
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", Guid.NewGuid().ToString()), times: 2);
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", Guid.NewGuid().ToString()), times: 1);

        var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, TestTokens.Create(TestTokens.Chaoyang, "platform-cli", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Get_MachineClientOverItsBucket_LimitedWhateverTokenItUses()
    {
        await using var limited = WithBuckets(perTenant: 100, perClient: 2);
        using var client = limited.CreateClient();
        // A client-credentials token names the client as its subject.
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "chaoyang-wuye", subject: "chaoyang-wuye"), times: 2);

        var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, TestTokens.Create(TestTokens.Chaoyang, "chaoyang-wuye", subject: "chaoyang-wuye"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await AssertServedAsync(client, TestTokens.Create(TestTokens.Chaoyang, "chaoyang-other", subject: "chaoyang-other"), times: 2);
    }

    // Buckets that refill only after an hour, so that nothing replenishes while a test runs.
    private WebApplicationFactory<Program> WithBuckets(int perTenant, int perClient) =>
        gateway.WithWebHostBuilder(builder => builder
            .UseSetting("Gateway:RateLimits:PerTenant:TokenLimit", perTenant.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Gateway:RateLimits:PerTenant:TokensPerPeriod", "1")
            .UseSetting("Gateway:RateLimits:PerTenant:ReplenishmentPeriod", "01:00:00")
            .UseSetting("Gateway:RateLimits:PerClient:TokenLimit", perClient.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Gateway:RateLimits:PerClient:TokensPerPeriod", "1")
            .UseSetting("Gateway:RateLimits:PerClient:ReplenishmentPeriod", "01:00:00"));

    private static async Task AssertServedAsync(HttpClient client, string token, int times, bool expectLastLimited = false)
    {
        for (var i = 1; i <= times; i++)
        {
            var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, Path, token);
            var expected = expectLastLimited && i == times ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK;
            Assert.Equal(expected, response.StatusCode);
        }
    }
}
