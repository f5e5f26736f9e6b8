using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Messaging.Outbox;

/// <summary>Queues integration events on a DbContext so they commit, or roll back, with the state change.</summary>
public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds <paramref name="integrationEvent"/> to the outbox. It is written by the next <c>SaveChanges</c>, in
    /// that transaction, and published by the relay only once committed: an event of a rolled-back change is
    /// never delivered.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext dbContext, IIntegrationEvent integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        dbContext.Set<OutboxMessage>().Add(ToMessage(integrationEvent));
    }

    /// <summary>
    /// Writes many events to the outbox at once with <c>COPY</c>, in the context's current transaction (start one
    /// first), for imports that change thousands of rows. Like <see cref="AddIntegrationEvent"/>, the events are
    /// published only once that transaction commits, in the order given.
    /// </summary>
    public static async Task AddIntegrationEventsAsync(this DbContext dbContext, IEnumerable<IIntegrationEvent> integrationEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        ArgumentNullException.ThrowIfNull(integrationEvents);
        await TenantBulkCopy.InsertAsync(dbContext, integrationEvents.Select(ToMessage), cancellationToken);
        OutboxWrites.Note(dbContext);
    }

    /// <summary>
    /// The ids of <paramref name="tenantId"/>'s events in the outbox, published or not, as this context's
    /// transaction sees them. Read in the same (repeatable-read) transaction as a snapshot of state, they are
    /// exactly the events whose effect the snapshot contains, since each row committed with its change; rows
    /// purged after <see cref="MessagingOptions.Retention"/> were delivered long before any follower could ask.
    /// </summary>
    public static IQueryable<Guid> OutboxEventIdsOf(this DbContext dbContext, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        return dbContext.Set<OutboxMessage>().Where(m => m.TenantId == tenantId).Select(m => m.EventId);
    }

    private static OutboxMessage ToMessage(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            TenantId = integrationEvent.TenantId,
            EventType = TypeName(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, SerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
        };
    }

    // Assembly-qualified without version, so a redeployed service still resolves rows written before.
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
