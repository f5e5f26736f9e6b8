using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed class OutboxTests(ShopFixture fixture) : IClassFixture<ShopFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_CommittedTransaction_IsDeliveredAndMarkedPublished()
    {
        var placed = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel);

        await Eventually.HoldsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == placed.EventId), Cancel);
        await Eventually.HoldsAsync(async () => (await fixture.Shop.OutboxRowAsync(placed.EventId, Cancel)).PublishedAt is not null, Cancel);
    }

    [Fact]
    public async Task Publish_RolledBackTransaction_IsNeverDelivered()
    {
        var rolledBack = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel, commit: false);

        // Events leave in order and are consumed one at a time: once a later marker arrived, the rolled-back
        // event would have arrived before it, had it been published.
        var marker = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel);
        await Eventually.HoldsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == marker.EventId), Cancel);

        Assert.DoesNotContain(await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel), e => e.EventId == rolledBack.EventId);
    }

    [Fact]
    public async Task Publish_SeveralEventsOfOneTenant_AreDeliveredInOrder()
    {
        var events = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            events.Add((await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel)).EventId);
        }

        await Eventually.HoldsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == events[^1]), Cancel);

        var applied = (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).OrderBy(e => e.Id).Select(e => e.EventId).Where(events.Contains);
        Assert.Equal(events, applied);
    }
}
