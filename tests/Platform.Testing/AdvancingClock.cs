namespace Platform.Testing;

/// <summary>
/// The real clock, moved forward by what a test adds: a service hosted with it sees time pass (a timeout run out, a code
/// rotate) without the test waiting. It never moves backwards, so other tests sharing the host only see a later now.
/// </summary>
public sealed class AdvancingClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the real clock it runs.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
