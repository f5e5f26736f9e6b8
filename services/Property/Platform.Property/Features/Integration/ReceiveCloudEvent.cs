using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Inbox;
using Platform.MultiTenancy;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.WorkOrders;
using Platform.Property.Features.Webhooks;
using Platform.Property.Features.WorkOrders;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Integration;

/// <summary>The data of a <see cref="ReceiveCloudEvent.WorkOrderStatusType"/> CloudEvent: a step on one of the company's work orders.</summary>
/// <param name="WorkOrderId">The work order.</param>
/// <param name="Status"><c>accepted</c>, <c>started</c>, <c>completed</c> or <c>rejected</c>.</param>
/// <param name="Note">A note for the residents service; the reason, when rejecting (then required).</param>
public sealed record WorkOrderStatusUpdate(
    [property: Required] Guid? WorkOrderId,
    [property: Required, WireName(typeof(WorkOrderStatus))] string? Status,
    [property: StringLength(WorkOrder.NoteMaxLength)] string? Note);

/// <summary>
/// CloudEvents 1.0 from a property company's own event system (structured, <c>application/cloudevents+json</c>),
/// unwrapped by Dapr's CloudEvents middleware, with the company's machine credentials. Each event is applied once:
/// its <c>id</c> goes into the inbox in the transaction of its effect, so a redelivery answers as the first delivery
/// did and changes nothing. The same endpoint is a Dapr pub/sub subscription, for a company that publishes through
/// a Dapr component on Kubernetes.
/// </summary>
internal static class ReceiveCloudEvent
{
    /// <summary>The CloudEvent type of a work-order step.</summary>
    public const string WorkOrderStatusType = "cn.gongzhi.property.work_order.status";

    /// <summary>The Dapr pub/sub component and topic that feed the endpoint on Kubernetes.</summary>
    public const string PubSub = "property-pubsub", Topic = "property-company-events";

    /// <summary>The CloudEvent attributes the middleware forwards as <c>Cloudevent.{name}</c> headers.</summary>
    public static readonly string[] ForwardedAttributes = ["id", "type", "source"];

    public static void Map(IEndpointRouteBuilder integration) =>
        integration.MapPost("events", HandleAsync)
            .RequireAuthorization(PropertyEndpoints.CompaniesPolicy)
            .Accepts<WorkOrderStatusUpdate>("application/cloudevents+json", "application/json")
            .WithTopic(PubSub, Topic)
            .WithSummary($"Receive a CloudEvent from the company's system: type {WorkOrderStatusType} moves one of its work orders on. Idempotent on the event id.");

    private static async Task<Ok<WorkOrderResponse>> HandleAsync(
        WorkOrderStatusUpdate update, HttpRequest request, ClaimsPrincipal caller, PropertyDbContext db, WebhookOutbox webhooks, ITenantContext tenant,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var eventId = request.Headers["Cloudevent.id"].ToString();
        var type = request.Headers["Cloudevent.type"].ToString();
        if (eventId.Length == 0)
        {
            throw new DomainException(PropertyErrors.CloudEventRefused, "Send a CloudEvent 1.0 in structured mode (application/cloudevents+json) with an id.", "id");
        }

        if (type != WorkOrderStatusType)
        {
            throw new DomainException(PropertyErrors.CloudEventRefused, $"Unknown event type '{type}'; the types are {WorkOrderStatusType}.", "type");
        }

        var order = await WorkOrderAccess.FindAsync(update.WorkOrderId!.Value, caller, db, cancellationToken);
        // One inbox per company's client: two companies may pick the same event id.
        var received = new InboxMessage
        {
            EventId = InboxIdOf(eventId), Consumer = $"cloudevents:{caller.UserId()}", MessageType = type, ProcessedAt = clock.GetUtcNow(),
        };
        if (await db.Set<InboxMessage>().AnyAsync(m => m.EventId == received.EventId && m.Consumer == received.Consumer, cancellationToken))
        {
            return TypedResults.Ok(WorkOrderResponse.From(order));
        }

        db.Add(received);
        var to = WireNames.Parse<WorkOrderStatus>(update.Status!);
        try
        {
            await WorkOrderEndpoints.ApplyStepAsync(order, to, update.Note, db, webhooks, tenant, received.ProcessedAt, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same event delivered twice at once: the other delivery applied it.
            db.ChangeTracker.Clear();
            return TypedResults.Ok(WorkOrderResponse.From(await WorkOrderAccess.FindAsync(order.Id, caller, db, cancellationToken)));
        }

        return TypedResults.Ok(WorkOrderResponse.From(order));
    }

    // The inbox keys events by a Guid; a CloudEvent id is any string, so it is keyed by a hash of it.
    private static Guid InboxIdOf(string eventId) => new(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)).AsSpan(0, 16));
}
