namespace Platform.Property.Domain.Webhooks;

/// <summary>
/// How long a failed delivery waits before the next attempt: the n-th failure in a row waits the n-th delay; a failure
/// after the last delay makes the delivery dead (kept in the dead list until someone asks for a redelivery).
/// </summary>
/// <param name="Delays">The waits after the first, second … failure; at least one.</param>
public sealed record WebhookRetrySchedule(IReadOnlyList<TimeSpan> Delays)
{
    /// <summary>The default back-off: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, so seven attempts spread over about nine hours.</summary>
    public static WebhookRetrySchedule Default { get; } = new([
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)]);

    /// <summary>How many attempts a delivery gets before it is dead.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait after <paramref name="failuresInARow"/> failures, or null when the delivery has had its last attempt.</summary>
    public TimeSpan? DelayAfter(int failuresInARow) =>
        failuresInARow >= 1 && failuresInARow <= Delays.Count ? Delays[failuresInARow - 1] : null;
}
