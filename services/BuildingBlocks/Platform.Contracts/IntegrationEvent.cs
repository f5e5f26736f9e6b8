namespace Platform.Contracts;

/// <summary>
/// A fact one service publishes for others. Every event names the tenant it belongs to, so a consumer can
/// run inside that tenant, and carries a stable id, so a redelivered event is applied only once.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this event; consumers record it to stay idempotent.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The tenant (district) the event belongs to.</summary>
    Guid TenantId { get; }
}

/// <summary>
/// Convenience base for integration event records: a fresh <see cref="EventId"/> and the current time unless
/// the publisher sets them. Concrete events are immutable records whose names end in <c>IntegrationEvent</c>.
/// </summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    /// <inheritdoc />
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    /// <inheritdoc />
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public required Guid TenantId { get; init; }
}
