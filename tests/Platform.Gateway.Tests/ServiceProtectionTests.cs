using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public sealed class ServiceProtectionTests(GatewayFactory gateway)
{
    [Fact]
    public async Task Get_ServiceDown_Returns503ProblemWithRetryAfter()
    {
        await using var serviceDown = gateway.WithWebHostBuilder(builder =>
            builder.UseSetting("ReverseProxy:Clusters:property:Destinations:property:Address", $"http://127.0.0.1:{UnusedPort()}"));
        using var client = serviceDown.CreateClient();

        var response = await GatewayFactory.SendAsync(client, HttpMethod.Get, "/api/property/areas", TestTokens.Create());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("service_unavailable", await GatewayFactory.ReadProblemCodeAsync(response));
    }

    [Fact]
    public async Task Get_ServiceAtCapacityAndQueueFull_Returns503BusyAtOnceWithoutForwarding()
    {
        await using var small = WithCapacity(concurrent: 1, queue: 0);
        using var client = small.CreateClient();
        var token = TestTokens.Create();
        var held = await HoldAPlaceAsync(client, token);
        var marker = Guid.NewGuid().ToString("N");

        var rejected = await GatewayFactory.SendAsync(client, HttpMethod.Get, $"/api/residents/{marker}", token);
        gateway.Backend.ReleaseHeld();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("service_busy", await GatewayFactory.ReadProblemCodeAsync(rejected));
        Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.False(gateway.Backend.Received(marker));
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    [Fact]
    public async Task Get_ServiceAtCapacity_QueuedRequestIsForwardedOnceAPlaceIsFree()
    {
        await using var small = WithCapacity(concurrent: 1, queue: 1);
        using var client = small.CreateClient();
        var token = TestTokens.Create();
        var held = await HoldAPlaceAsync(client, token);
        var marker = Guid.NewGuid().ToString("N");

        var queued = GatewayFactory.SendAsync(client, HttpMethod.Get, $"/api/residents/{marker}", token);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        Assert.False(gateway.Backend.Received(marker));
        gateway.Backend.ReleaseHeld();

        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
        Assert.True(gateway.Backend.Received(marker));
    }

    [Fact]
    public async Task Get_ServiceAtCapacity_OtherServicesStillServed()
    {
        await using var small = WithCapacity(concurrent: 1, queue: 0);
        using var client = small.CreateClient();
        var token = TestTokens.Create();
        var held = await HoldAPlaceAsync(client, token);

        var other = await GatewayFactory.SendAsync(client, HttpMethod.Get, $"/api/districts/{Guid.NewGuid():N}", token);
        gateway.Backend.ReleaseHeld();

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    private WebApplicationFactory<Program> WithCapacity(int concurrent, int queue) =>
        gateway.WithWebHostBuilder(builder => builder
            .UseSetting("Gateway:Services:MaxConcurrentRequests", concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Gateway:Services:QueueLength", queue.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // A request the residents service receives and does not answer until the test releases it.
    private async Task<Task<HttpResponseMessage>> HoldAPlaceAsync(HttpClient client, string token)
    {
        var marker = Guid.NewGuid().ToString("N");
        var held = GatewayFactory.SendAsync(client, HttpMethod.Get, $"/api/residents{EchoBackend.HeldPathMarker}{marker}", token);
        await Eventually.HoldsAsync(() => Task.FromResult(gateway.Backend.Received(marker)), TestContext.Current.CancellationToken);
        return held;
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
