using MassTransit;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.MultiTenancy.Storage;

namespace Platform.MultiTenancy.Messaging;

/// <summary>Message header carrying the tenant id across the bus.</summary>
public static class TenantMessageHeaders
{
    /// <summary>Header name; the value is the tenant id.</summary>
    public const string TenantId = "Tenant-Id";

    // An outgoing message belongs to the event's own tenant, otherwise to the sender's.
    internal static void Stamp(SendContext context, object message, ITenantContext tenantContext)
    {
        var tenantId = message is IIntegrationEvent integrationEvent ? integrationEvent.TenantId : tenantContext.TenantId;
        if (tenantId is not null)
        {
            context.Headers.Set(TenantId, tenantId.Value.ToString());
        }
    }
}

/// <summary>Stamps the tenant header on every published message.</summary>
/// <typeparam name="T">Message type.</typeparam>
public sealed class TenantPublishFilter<T>(ITenantContext tenantContext) : IFilter<PublishContext<T>>
    where T : class
{
    /// <inheritdoc />
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        TenantMessageHeaders.Stamp(context, context.Message, tenantContext);
        return next.Send(context);
    }

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantPublish");
}

/// <summary>Stamps the tenant header on every sent message.</summary>
/// <typeparam name="T">Message type.</typeparam>
public sealed class TenantSendFilter<T>(ITenantContext tenantContext) : IFilter<SendContext<T>>
    where T : class
{
    /// <inheritdoc />
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        TenantMessageHeaders.Stamp(context, context.Message, tenantContext);
        return next.Send(context);
    }

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantSend");
}

/// <summary>
/// Runs each consumed message inside the tenant named by its header, so the consumer's queries and writes are
/// isolated exactly as a request's are. A header that contradicts the event body, or a tenant the service does
/// not know, fails the message (it is retried, then moved to the error queue; nothing is lost).
/// </summary>
/// <typeparam name="T">Message type.</typeparam>
public sealed class TenantConsumeFilter<T>(TenantContext tenantContext, ITenantStore store) : IFilter<ConsumeContext<T>>
    where T : class
{
    /// <inheritdoc />
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var tenantId = TenantIdOf(context);
        if (tenantId is null)
        {
            await next.Send(context);
            return;
        }

        var tenant = await store.FindByIdAsync(tenantId.Value, context.CancellationToken);
        if (tenant is not null)
        {
            tenantContext.Enter(tenant, "message");
        }
        else if (!IsTenantLifecycleEvent(context.Message))
        {
            // Most likely the district's onboarding event has not reached this service yet: a retry settles it.
            throw new InvalidOperationException($"Message {typeof(T).Name} names tenant {tenantId}, which this service does not know.");
        }

        await next.Send(context);
    }

    /// <inheritdoc />
    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantConsume");

    private static Guid? TenantIdOf(ConsumeContext<T> context)
    {
        var header = context.Headers.Get<string>(TenantMessageHeaders.TenantId);
        Guid? fromHeader = Guid.TryParse(header, out var parsed) ? parsed : null;
        if (context.Message is not IIntegrationEvent integrationEvent)
        {
            return fromHeader;
        }

        if (fromHeader is not null && fromHeader != integrationEvent.TenantId)
        {
            throw new InvalidOperationException(
                $"Message {typeof(T).Name} has tenant header {fromHeader} but belongs to tenant {integrationEvent.TenantId}.");
        }

        return integrationEvent.TenantId;
    }

    // The catalogue learns about a district from these very events, so they cannot require it to be known.
    private static bool IsTenantLifecycleEvent(T message) =>
        message is DistrictOnboardedIntegrationEvent or DistrictStatusChangedIntegrationEvent;
}
