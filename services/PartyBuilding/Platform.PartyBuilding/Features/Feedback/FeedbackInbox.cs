using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.PartyBuilding.Contracts;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Feedback;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Feedback;

/// <summary>The filters of the inbox.</summary>
/// <param name="Workplace">One workplace's reports.</param>
/// <param name="Unacknowledged">Only those not acknowledged yet.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record FeedbackInboxQuery(Guid? Workplace, bool? Unacknowledged, int? Page, int? PageSize);

/// <summary>A feedback report another district sent to one of this district's workplaces.</summary>
/// <param name="Id">The report's id (the sending district's).</param>
/// <param name="SendingDistrictId">The sending district.</param>
/// <param name="WorkplaceId">The workplace it is addressed to.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="CommunityName">The community the member is reported to.</param>
/// <param name="Period">The period.</param>
/// <param name="Figures">Minutes, services, average rating, points and the sending district's points-rule version.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="AcknowledgedAt">When the workplace acknowledged it.</param>
/// <param name="Note">What the workplace said.</param>
public sealed record ReceivedFeedbackResponse(
    Guid Id, Guid SendingDistrictId, Guid WorkplaceId, string MemberName, string CommunityName, string Period, FeedbackFigures Figures,
    DateTimeOffset ReceivedAt, DateTimeOffset? AcknowledgedAt, string? Note)
{
    public static ReceivedFeedbackResponse From(ReceivedFeedback received) => new(
        received.Id, received.SendingTenantId, received.WorkplaceId, received.MemberName, received.CommunityName, received.Period, received.Figures,
        received.ReceivedAt, received.AcknowledgedAt, received.Note);
}

/// <summary>The inbox of the district's workplaces: reports from other districts, and their acknowledgement, which goes back.</summary>
internal static class FeedbackInbox
{
    public static void Map(RouteGroupBuilder feedback)
    {
        feedback.MapGet("feedback-inbox", ListAsync)
            .WithSummary("Feedback reports other districts sent to the workplaces the caller keeps, newest first.");
        feedback.MapPost("feedback-inbox/{id:guid}/acknowledge", AcknowledgeAsync)
            .WithSummary("Acknowledge a report on behalf of its workplace; the acknowledgement goes back to the sending district.");
    }

    private static async Task<Ok<PagedResult<ReceivedFeedbackResponse>>> ListAsync(
        [AsParameters] FeedbackInboxQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var inbox = db.ReceivedFeedback.InSubtree(scope.Path).AsNoTracking();
        if (query.Workplace is { } workplaceId)
        {
            inbox = inbox.Where(r => r.WorkplaceId == workplaceId);
        }

        if (query.Unacknowledged is true)
        {
            inbox = inbox.Where(r => r.AcknowledgedAt == null);
        }

        var page = await inbox.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(ReceivedFeedbackResponse.From));
    }

    private static async Task<Ok<ReceivedFeedbackResponse>> AcknowledgeAsync(
        Guid id, AcknowledgeFeedbackRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var received = await db.ReceivedFeedback.InSubtree(scope.Path).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.FeedbackNotFound, $"No feedback report {id} for the workplaces you keep.");
        received.Acknowledge(caller.UserId()!, request.Note, now);
        // Back to the sending district only, through the outbox in the same transaction as the acknowledgement.
        db.AddIntegrationEvent(new MemberServiceFeedbackAcknowledgedIntegrationEvent
        {
            TenantId = received.SendingTenantId,
            OccurredAt = now,
            FeedbackId = received.Id,
            AcknowledgingTenantId = received.TenantId,
            AcknowledgedAt = now,
            Note = received.Note,
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReceivedFeedbackResponse.From(received));
    }
}
