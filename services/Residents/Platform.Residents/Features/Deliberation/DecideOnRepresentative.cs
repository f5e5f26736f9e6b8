using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Deliberation;

/// <summary>How the objections were answered, or why a nominee is rejected.</summary>
/// <param name="Note">confirm: required when objections were filed; reject: the reason.</param>
public sealed record RepresentativeDecisionRequest(string? Note = null);

/// <summary>Confirms a nominee after the objection period (publishing the confirmation), or rejects them.</summary>
internal static class DecideOnRepresentative
{
    public static void Map(IEndpointRouteBuilder representatives)
    {
        representatives.MapPost("{id:guid}/confirm", ConfirmAsync).WithSummary(
            "Confirm a nominee once the objection period is over (workers); objections filed must be answered in note. The confirmation is published as a notice. "
            + "409 representative.objection_period_running before the period ends, 409 representative.seats_full when the area's seats of the category are held during the term.");
        representatives.MapPost("{id:guid}/reject", RejectAsync).WithSummary("Reject a nominee, saying why in note (workers).");
    }

    private static async Task<Results<Ok<RepresentativeResponse>, ProblemHttpResult>> ConfirmAsync(
        Guid id, RepresentativeDecisionRequest? request, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<NoticeRules> notices,
        IOptions<DeliberationRules> rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return RepresentativeAccess.Forbidden("Workers confirm representatives.");
        }

        var inScope = await RepresentativeAccess.InScopeAsync(caller, db, cancellationToken);
        if (await inScope.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.NodeId).SingleOrDefaultAsync(cancellationToken) is not { } areaId)
        {
            return RepresentativeAccess.NotFound(id);
        }

        // Two confirmations into the last seat of a category must not both pass: the area's decisions take turns.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RepresentativeAccess.TakeAreaTurnAsync(db, areaId, cancellationToken);
        var nominee = await db.Representatives.SingleAsync(r => r.Id == id, cancellationToken);
        var (_, objections) = (await RepresentativeAccess.NoticesAsync(db, [id], cancellationToken))[id];
        var seats = await RepresentativeAccess.SeatsAsync(db, areaId, rules.Value.Seats, cancellationToken);
        var sameSeat = await db.Representatives.AsNoTracking()
            .Where(r => r.NodeId == areaId && r.Seat == nominee.Seat && r.Status == RepresentativeStatus.Confirmed)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var by = DemandAccess.Actor(caller).UserId;
        nominee.Confirm(objections, request?.Note, seats, sameSeat, by, now);
        var areaName = await db.TerritoryNodes.Where(n => n.Id == nominee.NodeId).Select(n => n.Name).SingleAsync(cancellationToken);
        db.Notices.Add(PublicNotices.Confirmation(nominee, areaName, notices.Value.ResultPeriod, by, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await RepresentativeAccess.ResponseAsync(nominee, db, cancellationToken));
    }

    private static async Task<Results<Ok<RepresentativeResponse>, ProblemHttpResult>> RejectAsync(
        Guid id, RepresentativeDecisionRequest? request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return RepresentativeAccess.Forbidden("Workers reject nominees.");
        }

        if (await (await RepresentativeAccess.InScopeAsync(caller, db, cancellationToken)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } nominee)
        {
            return RepresentativeAccess.NotFound(id);
        }

        nominee.Reject(request?.Note ?? "", DemandAccess.Actor(caller).UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await RepresentativeAccess.ResponseAsync(nominee, db, cancellationToken));
    }
}
