namespace Platform.ServiceDefaults.Tests;

public sealed class WakeUpSignalTests
{
    [Fact]
    public async Task WaitAsync_AfterNotifications_ReturnsTrueOnceForAll()
    {
        var signal = new WakeUpSignal();
        signal.Notify();
        signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WaitAsync_WithoutNotification_ReturnsFalseAtTheTimeout()
    {
        var signal = new WakeUpSignal();

        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
    }
}
