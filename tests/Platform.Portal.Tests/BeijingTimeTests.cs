namespace Platform.Portal.Tests;

public sealed class BeijingTimeTests
{
    [Fact]
    public void Format_UtcEveningInstant_ShowsTheNextMorningInBeijing() =>
        Assert.Equal("2026年12月3日 07:05", BeijingTime.Format(new DateTimeOffset(2026, 12, 2, 23, 5, 0, TimeSpan.Zero)));
}
