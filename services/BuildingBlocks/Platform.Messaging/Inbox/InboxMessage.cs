namespace Platform.Messaging.Inbox;

/// <summary>
/// Records that a consumer endpoint applied an event. Written in the same transaction as the consumer's effect,
/// so a redelivered event finds it and is acknowledged without being applied twice.
/// </summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    /// <summary>The receiving endpoint (queue); one event may be applied once by each endpoint.</summary>
    public string Consumer { get; set; } = "";

    public string MessageType { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
