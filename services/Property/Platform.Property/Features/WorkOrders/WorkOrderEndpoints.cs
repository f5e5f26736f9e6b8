using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Property.Contracts;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Domain.WorkOrders;
using Platform.Property.Features.Webhooks;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Property.Features.WorkOrders;

/// <summary>A work order as its company and the area's keepers see it.</summary>
public sealed record WorkOrderResponse(
    Guid Id, Guid DemandId, string TrackingNumber, Guid CompanyId, Guid? AreaId, Guid NodeId, string Category, string Title, string Description,
    DateTimeOffset DueAt, WorkOrderStatus Status, string? Note, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt)
{
    public static WorkOrderResponse From(WorkOrder o) => new(
        o.Id, o.DemandId, o.TrackingNumber, o.CompanyId, o.AreaId, o.NodeId, o.Category, o.Title, o.Description, o.DueAt, o.Status, o.Note, o.ReceivedAt, o.UpdatedAt);
}

/// <summary>A company's step on a work order.</summary>
/// <param name="Note">A note for the residents service (the reason, when rejecting).</param>
/// <param name="Reason">The reason for rejecting; required for <c>reject</c>.</param>
public sealed record WorkOrderStepRequest([property: StringLength(WorkOrder.NoteMaxLength)] string? Note, [property: StringLength(WorkOrder.NoteMaxLength)] string? Reason);

/// <summary>The work-order filters: status by wire name, received since.</summary>
public sealed record WorkOrderQuery([property: WireName(typeof(WorkOrderStatus))] string? Status, DateTimeOffset? Since, int? Page, int? PageSize);

/// <summary>
/// A property company's system reads its work orders and reports progress (accept, start, complete, reject with a
/// reason); each step goes to the residents service as <c>PropertyWorkOrderStatusChangedIntegrationEvent</c> through the outbox.
/// </summary>
internal static class WorkOrderEndpoints
{
    public static void Map(IEndpointRouteBuilder orders)
    {
        orders.MapGet("", ListAsync).WithSummary("Work orders newest first, paged: a company's own, or those of the areas in a worker's territory. Filters: status, since.");
        orders.MapGet("{id:guid}", GetAsync).WithSummary("A work order.");
        Step(orders, "accept", WorkOrderStatus.Accepted, "Accept (接单).");
        Step(orders, "start", WorkOrderStatus.Started, "Start the work.");
        Step(orders, "complete", WorkOrderStatus.Completed, "Complete (完成).");
        Step(orders, "reject", WorkOrderStatus.Rejected, "Reject (退单); reason is required.");
    }

    private static void Step(IEndpointRouteBuilder orders, string route, WorkOrderStatus to, string summary) =>
        orders.MapPost(
                $"{{id:guid}}/{route}",
                (Guid id, WorkOrderStepRequest? step, ClaimsPrincipal caller, PropertyDbContext db, WebhookOutbox webhooks, ITenantContext tenant, TimeProvider clock,
                    CancellationToken cancellationToken) => StepAsync(id, to, step, caller, db, webhooks, tenant, clock, cancellationToken))
            .RequireAuthorization(PropertyEndpoints.CompaniesPolicy)
            .WithSummary(summary);

    private static async Task<Ok<PagedResult<WorkOrderResponse>>> ListAsync(
        [AsParameters] WorkOrderQuery query, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var orders = (await WorkOrderAccess.VisibleAsync(caller, db, cancellationToken)).AsNoTracking();
        if (query.Status is not null)
        {
            var status = WireNames.Parse<WorkOrderStatus>(query.Status);
            orders = orders.Where(o => o.Status == status);
        }

        orders = query.Since?.ToUniversalTime() is { } since ? orders.Where(o => o.ReceivedAt >= since) : orders;
        var page = await orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(WorkOrderResponse.From));
    }

    private static async Task<Ok<WorkOrderResponse>> GetAsync(Guid id, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(WorkOrderResponse.From(await WorkOrderAccess.FindAsync(id, caller, db, cancellationToken)));

    private static async Task<Ok<WorkOrderResponse>> StepAsync(
        Guid id, WorkOrderStatus to, WorkOrderStepRequest? step, ClaimsPrincipal caller, PropertyDbContext db, WebhookOutbox webhooks, ITenantContext tenant,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await WorkOrderAccess.FindAsync(id, caller, db, cancellationToken);
        var note = to == WorkOrderStatus.Rejected ? step?.Reason ?? step?.Note : step?.Note;
        await ApplyStepAsync(order, to, note, db, webhooks, tenant, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(WorkOrderResponse.From(order));
    }

    /// <summary>
    /// Moves the order on and tells the residents service (through the outbox) and the company's webhooks (through
    /// theirs), saving whatever else the context holds in the same transaction.
    /// </summary>
    public static async Task ApplyStepAsync(
        WorkOrder order, WorkOrderStatus to, string? note, PropertyDbContext db, WebhookOutbox webhooks, ITenantContext tenant, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == order.CompanyId, cancellationToken);
        order.MoveTo(to, note, now);
        db.AddIntegrationEvent(new PropertyWorkOrderStatusChangedIntegrationEvent
        {
            TenantId = tenant.TenantId!.Value, OccurredAt = now, DemandId = order.DemandId, CompanyId = company.Code, Status = to.ToWire(), Note = order.Note,
        });
        await webhooks.QueueAsync(order, WebhookEventType.WorkOrderStatusChanged, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(PropertyErrors.WorkOrderTransition, "The work order changed at the same moment; read it again.");
        }
    }
}
