using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Webhooks;
using Platform.Property.Features.Companies;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Property.Features.Webhooks;

/// <summary>A webhook to register.</summary>
/// <param name="Url">Where events are posted: an absolute https URL on a public address.</param>
/// <param name="EventTypes"><c>work_order_opened</c>, <c>work_order_status_changed</c>.</param>
public sealed record SubscribeWebhookRequest(
    [property: Required, StringLength(WebhookSubscription.UrlMaxLength)] string? Url,
    [property: Required, MinLength(1)] IReadOnlyList<WebhookEventType>? EventTypes);

/// <summary>A webhook; <paramref name="Secret"/> only in the answer that created it.</summary>
public sealed record WebhookResponse(
    Guid Id, Guid CompanyId, string Url, IReadOnlyList<WebhookEventType> EventTypes, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt, string? Secret = null)
{
    public static WebhookResponse From(WebhookSubscription s, string? secret = null) => new(s.Id, s.CompanyId, s.Url, s.EventTypes, s.CreatedAt, s.RemovedAt, secret);
}

/// <summary>The delivery-log filters: status by wire name (<c>dead</c> for the dead list).</summary>
public sealed record WebhookDeliveryQuery([property: WireName(typeof(WebhookDeliveryStatus))] string? Status, int? Page, int? PageSize);

/// <summary>A delivery in the log, with its latest attempts.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, Guid SubscriptionId, Guid EventId, WebhookEventType EventType, WebhookDeliveryStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    int AttemptCount, DateTimeOffset? DeliveredAt, string? RedeliveredBy, IReadOnlyList<WebhookAttempt> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.CreatedAt, d.NextAttemptAt, d.AttemptCount, d.DeliveredAt, d.RedeliveredBy, d.Attempts);
}

/// <summary>
/// A property company's system registers webhooks for its own events, reads each webhook's delivery log (the dead list
/// with <c>status=dead</c>) and asks for redeliveries. Only the company's own machine client sees its webhooks; any
/// other answers 404.
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder webhooks)
    {
        webhooks.MapPost("", SubscribeAsync).WithSummary(
            "Register a webhook: events are posted to the URL as signed CloudEvents. The answer shows the signing secret, once.");
        webhooks.MapGet("", ListAsync).WithSummary("The company's webhooks, newest first, paged.");
        webhooks.MapGet("{id:guid}", GetAsync).WithSummary("A webhook of the company (without its secret).");
        webhooks.MapDelete("{id:guid}", RemoveAsync).WithSummary("Remove a webhook: no more deliveries; its log stays readable.");
        webhooks.MapGet("{id:guid}/deliveries", DeliveriesAsync).WithSummary(
            "The webhook's delivery log, newest first, paged, each with its latest attempts. status=dead is the dead list.");
        webhooks.MapPost("{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync).WithSummary(
            "Send a dead or delivered delivery again now, with a fresh retry schedule (the same CloudEvent, the same id).");
    }

    private static async Task<Created<WebhookResponse>> SubscribeAsync(
        SubscribeWebhookRequest request, ClaimsPrincipal caller, PropertyDbContext db, WebhookNetworkPolicy network, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var company = await CompanyAccess.OfCallerAsync(caller, db, cancellationToken);
        if (await network.UrlProblemAsync(request.Url, cancellationToken) is { } problem)
        {
            throw new DomainException(PropertyErrors.WebhookUrlRefused, problem, "url");
        }

        var secret = WebhookSubscription.NewSecret();
        var subscription = WebhookSubscription.Subscribe(
            company.Id, request.Url!.Trim(), [.. request.EventTypes!], protector.Protect(secret), caller.UserId()!, clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/property/webhooks/{subscription.Id}", WebhookResponse.From(subscription, secret));
    }

    private static async Task<Ok<PagedResult<WebhookResponse>>> ListAsync(
        int? page, int? pageSize, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var company = await CompanyAccess.OfCallerAsync(caller, db, cancellationToken);
        var webhooks = db.WebhookSubscriptions.AsNoTracking().Where(s => s.CompanyId == company.Id);
        var listed = await webhooks.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(s => WebhookResponse.From(s)));
    }

    private static async Task<Ok<WebhookResponse>> GetAsync(Guid id, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(WebhookResponse.From(await FindAsync(id, caller, db, cancellationToken)));

    private static async Task<Ok<WebhookResponse>> RemoveAsync(
        Guid id, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(id, caller, db, cancellationToken);
        subscription.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WebhookResponse.From(subscription));
    }

    private static async Task<Ok<PagedResult<WebhookDeliveryResponse>>> DeliveriesAsync(
        Guid id, [AsParameters] WebhookDeliveryQuery query, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var subscription = await FindAsync(id, caller, db, cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription.Id);
        if (query.Status is not null)
        {
            var status = WireNames.Parse<WebhookDeliveryStatus>(query.Status);
            deliveries = deliveries.Where(d => d.Status == status);
        }

        var listed = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(WebhookDeliveryResponse.From));
    }

    private static async Task<Ok<WebhookDeliveryResponse>> RedeliverAsync(
        Guid id, Guid deliveryId, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(id, caller, db, cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscription.Id, cancellationToken)
            ?? throw new DomainException(PropertyErrors.WebhookNotFound, $"No delivery {deliveryId} of webhook {id}.");
        // Only a delivery no instance is attempting is redelivered, so this never races the dispatcher's record of an attempt.
        delivery.Redeliver(subscription, caller.UserId()!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(WebhookDeliveryResponse.From(delivery));
    }

    private static async Task<WebhookSubscription> FindAsync(Guid id, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var companies = CompanyAccess.OfCaller(caller, db).Select(c => c.Id);
        return await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && companies.Contains(s.CompanyId), cancellationToken)
            ?? throw new DomainException(PropertyErrors.WebhookNotFound, $"No webhook {id} of your company.");
    }
}
