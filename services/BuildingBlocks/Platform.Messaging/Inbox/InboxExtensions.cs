using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Messaging.Inbox;

/// <summary>Records events as applied without applying them, for a consumer that installs a snapshot.</summary>
public static class InboxExtensions
{
    /// <summary>
    /// Records <paramref name="eventIds"/> as applied by the endpoint <paramref name="context"/> arrived on, in
    /// the context's current transaction, so the inbox skips them when they are delivered: their effect is in the
    /// snapshot being installed. Ids the endpoint already applied are left as they are.
    /// </summary>
    /// <param name="context">A message being consumed on the endpoint that consumes those events.</param>
    /// <param name="db">The scoped DbContext holding the inbox (the one the consumer writes with).</param>
    /// <param name="eventIds">The events the snapshot contains.</param>
    /// <param name="appliedThrough">Stored as the record's message type, to tell these records from applied events.</param>
    /// <param name="now">When the snapshot was installed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many ids were recorded.</returns>
    public static async Task<int> MarkEventsAppliedAsync(
        this ConsumeContext context,
        DbContext db,
        IReadOnlyCollection<Guid> eventIds,
        string appliedThrough,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(eventIds);
        var consumer = ConsumerOf(context);
        var known = await db.Set<InboxMessage>()
            .Where(m => m.Consumer == consumer && eventIds.Contains(m.EventId))
            .Select(m => m.EventId)
            .ToListAsync(cancellationToken);
        var records = eventIds.Except(known).Select(id => new InboxMessage
        {
            EventId = id, Consumer = consumer, MessageType = appliedThrough, ProcessedAt = now,
        }).ToList();
        await TenantBulkCopy.InsertAsync(db, records, cancellationToken);
        return records.Count;
    }

    /// <summary>The inbox's name for the endpoint (queue) a message arrived on: one event is applied once per endpoint.</summary>
    internal static string ConsumerOf(ConsumeContext context) => context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
}
