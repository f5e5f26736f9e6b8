using MassTransit;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Messaging;

namespace Platform.Messaging.Tests;

public sealed record OrderPlacedIntegrationEvent : IntegrationEvent
{
    public required Guid OrderId { get; init; }
}

/// <summary>An event whose consumer always fails.</summary>
public sealed record PoisonIntegrationEvent : IntegrationEvent;

/// <summary>Records every application of an <see cref="OrderPlacedIntegrationEvent"/>.</summary>
public sealed class OrderPlacedConsumer(ShopDbContext db, ITenantContext tenantContext) : IConsumer<OrderPlacedIntegrationEvent>
{
    public async Task Consume(ConsumeContext<OrderPlacedIntegrationEvent> context)
    {
        db.AppliedEvents.Add(new AppliedEvent
        {
            EventId = context.Message.EventId,
            Consumer = nameof(OrderPlacedConsumer),
            ContextTenantId = tenantContext.TenantId,
            TenantHeader = context.Headers.Get<string>(TenantMessageHeaders.TenantId),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Writes its effect, then fails: the effect must never become visible.</summary>
public sealed class PoisonConsumer(ShopDbContext db) : IConsumer<PoisonIntegrationEvent>
{
    public const string Queue = "shop-poison";

    public async Task Consume(ConsumeContext<PoisonIntegrationEvent> context)
    {
        db.AppliedEvents.Add(new AppliedEvent { EventId = context.Message.EventId, Consumer = nameof(PoisonConsumer) });
        await db.SaveChangesAsync(context.CancellationToken);
        throw new InvalidOperationException("This consumer always fails.");
    }
}
