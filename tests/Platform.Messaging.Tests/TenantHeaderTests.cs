using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed class TenantHeaderTests(ShopFixture fixture) : IClassFixture<ShopFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consume_EventFromOutbox_RunsInTheEventsTenantWithHeader()
    {
        var placed = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel);

        var applied = await Eventually.ReturnsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).SingleOrDefault(e => e.EventId == placed.EventId), Cancel);

        Assert.Equal(fixture.District.Id.ToString(), applied.TenantHeader);
        Assert.Equal(fixture.District.Id, applied.ContextTenantId);
        Assert.Equal(fixture.District.Id, applied.TenantId);
    }

    [Fact]
    public async Task Consume_EventsOfTwoDistricts_EachAppliedInItsOwnTenant()
    {
        var other = await fixture.Shop.OnboardDistrictAsync("mentougou", Cancel);

        var inOther = await fixture.Shop.PlaceOrderAsync(other, Cancel);
        var inFirst = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel);

        await Eventually.HoldsAsync(async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == inFirst.EventId), Cancel);
        var otherApplied = await Eventually.ReturnsAsync(async () => (await fixture.Shop.AppliedEventsAsync(other, Cancel)).SingleOrDefault(e => e.EventId == inOther.EventId), Cancel);
        Assert.Equal(other.Id, otherApplied.ContextTenantId);
        Assert.DoesNotContain(await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel), e => e.EventId == inOther.EventId);
    }
}
