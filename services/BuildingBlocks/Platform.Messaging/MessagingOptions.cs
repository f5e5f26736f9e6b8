namespace Platform.Messaging;

/// <summary>Tuning of the bus, the retry policy and the outbox relay. Defaults suit production.</summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section bound to these options.</summary>
    public const string SectionName = "Messaging";

    /// <summary>Retries of a failing consumer before the message moves to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest retry delay, so a consumer waiting on a dependency that recovers is not left idle for long.</summary>
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the relay looks for unpublished events when nothing woke it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the relay lets events gather after it was woken before it reads them: under load every commit wakes
    /// it, and a transaction per event would cost the database and the service as much as the requests themselves.
    /// </summary>
    public TimeSpan OutboxGatherDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Events published per relay transaction.</summary>
    public int OutboxBatchSize { get; set; } = 200;

    /// <summary>How long one publish may wait for the broker before the relay backs off and tries later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest pause between relay attempts while the broker is unreachable.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long one catch-up request (the tenant catalogue, one district's tree) may wait for the Districts
    /// service before it is asked again.
    /// </summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long published outbox rows and inbox records are kept before being purged.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
