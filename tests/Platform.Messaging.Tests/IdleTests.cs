using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>A shop whose relay polls only once a minute, so anything sooner is the wake-up signal's doing.</summary>
public sealed class SlowPollShopFixture : ShopFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Messaging:OutboxPollInterval"] = "00:01:00" };
}

public sealed class IdleTests(SlowPollShopFixture fixture) : IClassFixture<SlowPollShopFixture>
{
    // A handful: the statistics arrive once a second per backend, and a purge may fall into the window.
    private const double MaxIdleCommitsPerSecond = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Idle_NothingToPublish_CommitsAlmostNothing()
    {
        // Let the onboarding event's publication settle first.
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);

        var commitsPerSecond = await fixture.Database.CommitsPerSecondAsync(TimeSpan.FromSeconds(4), Cancel);

        Assert.True(commitsPerSecond <= MaxIdleCommitsPerSecond, $"An idle service committed {commitsPerSecond:F0} transactions per second.");
    }

    [Fact]
    public async Task Publish_AfterAQuietSpell_IsWokenByTheCommitNotThePoll()
    {
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);

        var placed = await fixture.Shop.PlaceOrderAsync(fixture.District, Cancel);

        await Eventually.HoldsAsync(
            async () => (await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel)).Any(e => e.EventId == placed.EventId),
            Cancel,
            timeout: TimeSpan.FromSeconds(15));
    }
}
