namespace Platform.Messaging.Inbox;

/// <summary>
/// Records that a consumer endpoint applied an event. Written in the same transaction as the consumer's effect,
/// so a redelivered event finds it and is acknowledged without being applied twice.
/// </summary>
public sealed class InboxMessage
{
    /// <summary>The applied event's <c>EventId</c>; with <see cref="Consumer"/> the key a redelivery is recognised by.</summary>
    public Guid EventId { get; set; }

    /// <summary>The receiving endpoint (queue); one event may be applied once by each endpoint.</summary>
    public string Consumer { get; set; } = "";

    /// <summary>The event's type name, kept so an operator reading the table can tell what was applied.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>When the effect was committed; records older than the retention period are purged.</summary>
    public DateTimeOffset ProcessedAt { get; set; }
}
