using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

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
        var type = integrationEvent.GetType();
        dbContext.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            TenantId = integrationEvent.TenantId,
            EventType = TypeName(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, SerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
        });
    }

    // Assembly-qualified without version, so a redeployed service still resolves rows written before.
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
