using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Runs on a broker of its own, because it stops and restarts it.</summary>
public sealed class BrokerOutageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_CommittedWhileBrokerIsDown_IsDeliveredAfterItRestarts()
    {
        await using var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("outage", Cancel);
        await using var broker = await RabbitMqServer.StartAsync(Cancel);
        await using var shop = await ShopService.StartAsync(database.ConnectionString, broker.ConnectionString, new Dictionary<string, string?>(), Cancel);
        var district = await shop.OnboardDistrictAsync("daxing", Cancel);

        await broker.StopAsync(Cancel);
        var placed = await shop.PlaceOrderAsync(district, Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        Assert.Null((await shop.OutboxRowAsync(placed.EventId, Cancel)).PublishedAt);

        await broker.RestartAsync(Cancel);

        var applied = await Eventually.ReturnsAsync(
            async () => (await shop.AppliedEventsAsync(district, Cancel)).SingleOrDefault(e => e.EventId == placed.EventId),
            Cancel,
            TimeSpan.FromSeconds(90));
        Assert.Equal(district.Id, applied.ContextTenantId);
    }
}
