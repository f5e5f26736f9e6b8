namespace Platform.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change it
/// reports. The relay publishes rows in <see cref="Sequence"/> order and marks them published.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; events of one aggregate are published in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>The event's id, also used as the bus message id so consumers can de-duplicate.</summary>
    public Guid EventId { get; set; }

    /// <summary>Tenant of the event, stamped as a header when published.</summary>
    public Guid TenantId { get; set; }

    /// <summary>CLR type of the event (<c>Namespace.Type, Assembly</c>).</summary>
    public string EventType { get; set; } = "";

    /// <summary>The event serialised as JSON.</summary>
    public string Payload { get; set; } = "";

    /// <summary>When the fact happened, copied from the event so the table can be read without parsing payloads.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When the broker accepted the event; null while it waits. Published rows are purged after the retention period.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Set when the row can never be published (its type no longer exists); kept for inspection.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Why the row was given up (<see cref="FailedAt"/>), for whoever repairs it.</summary>
    public string? LastError { get; set; }
}
