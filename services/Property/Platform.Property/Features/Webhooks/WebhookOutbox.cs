using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Property.Data;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Domain.WorkOrders;
using Platform.Property.Features.WorkOrders;

namespace Platform.Property.Features.Webhooks;

/// <summary>
/// Queues a work-order event for the company's webhooks on the context, so the deliveries commit (or roll back) with
/// the change they report: the webhooks' outbox. The dispatcher sends them once committed.
/// </summary>
public sealed class WebhookOutbox(PropertyDbContext db, IOptions<JsonOptions> json)
{
    /// <summary>The CloudEvent <c>source</c> of every webhook event.</summary>
    public static readonly Uri Source = new("urn:gongzhi:property");

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>Adds a delivery of <paramref name="type"/> about <paramref name="order"/> for each webhook of its company that takes it.</summary>
    public async Task QueueAsync(WorkOrder order, WebhookEventType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var subscriptions = (await db.WebhookSubscriptions.Where(s => s.CompanyId == order.CompanyId && s.RemovedAt == null).ToListAsync(cancellationToken))
            .Where(s => s.Wants(type)).ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }

        var eventId = Guid.CreateVersion7(now);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = eventId.ToString(), Type = type.CloudEventType(), Source = Source, Subject = $"work-orders/{order.Id}", Time = now,
            DataContentType = "application/json",
            // The work order as the API answers it, so a receiver reads webhooks and GET /work-orders/{id} alike.
            Data = JsonSerializer.SerializeToElement(WorkOrderResponse.From(order), json.Value.SerializerOptions),
        };
        var body = Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
        db.WebhookDeliveries.AddRange(subscriptions.Select(s => s.Deliver(eventId, type, body, now)));
    }
}
