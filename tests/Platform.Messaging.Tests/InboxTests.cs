using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed class InboxTests(ShopFixture fixture) : IClassFixture<ShopFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consume_SameEventDeliveredTwice_IsAppliedOnce()
    {
        var duplicated = new OrderPlacedIntegrationEvent { TenantId = fixture.District.Id, OrderId = Guid.NewGuid() };
        await fixture.Shop.PublishDirectlyAsync(duplicated, Cancel);
        await fixture.Shop.PublishDirectlyAsync(duplicated, Cancel);

        // Consumed one at a time in queue order: when the marker is applied, both copies have been handled.
        var marker = new OrderPlacedIntegrationEvent { TenantId = fixture.District.Id, OrderId = Guid.NewGuid() };
        await fixture.Shop.PublishDirectlyAsync(marker, Cancel);
        await Eventually.HoldsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == marker.EventId), Cancel);

        Assert.Single(await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel), e => e.EventId == duplicated.EventId);
    }
}
