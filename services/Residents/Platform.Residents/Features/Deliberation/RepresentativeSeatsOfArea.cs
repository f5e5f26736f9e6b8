using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>An area's seats for representatives and how many of them are held today.</summary>
/// <param name="NodeId">The area.</param>
/// <param name="Seats">The seats per category.</param>
/// <param name="IsDefault">Whether they are the district's default (the area has set none of its own).</param>
/// <param name="Held">The confirmed representatives serving today, per category.</param>
public sealed record RepresentativeSeatsResponse(Guid NodeId, SeatCounts Seats, bool IsDefault, SeatCounts Held);

/// <summary>Reads and sets how many representatives of each category an area inside a worker's scope has.</summary>
internal static class RepresentativeSeatsOfArea
{
    public static void Map(IEndpointRouteBuilder representatives)
    {
        representatives.MapGet("seats/{nodeId:guid}", GetAsync).WithSummary("An area's seats per category and how many are held today (workers).");
        representatives.MapPut("seats/{nodeId:guid}", SetAsync).WithSummary(
            "Set an area's seats per category {residents, localUnits, socialOrganisations, invitees} (workers); a confirmation beyond them is refused "
            + "with 409 representative.seats_full. Representatives confirmed already keep their seats.");
    }

    private static async Task<Results<Ok<RepresentativeSeatsResponse>, ProblemHttpResult>> GetAsync(
        Guid nodeId, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<DeliberationRules> rules, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await AreaProblemAsync(nodeId, caller, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await ResponseAsync(nodeId, db, rules.Value.Seats, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<Results<Ok<RepresentativeSeatsResponse>, ProblemHttpResult>> SetAsync(
        Guid nodeId, SeatCounts seats, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<DeliberationRules> rules, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await AreaProblemAsync(nodeId, caller, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var by = DemandAccess.Actor(caller).UserId;
        if (await db.RepresentativeSeatPlans.SingleOrDefaultAsync(p => p.NodeId == nodeId, cancellationToken) is { } plan)
        {
            plan.Change(seats, by, now);
        }
        else
        {
            db.RepresentativeSeatPlans.Add(RepresentativeSeatPlan.Set(nodeId, seats, by, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return new DomainException(RepresentativeErrors.ChangedConcurrently, "Someone else set this area's seats at the same time; read them and try again.").ToProblem();
        }

        return TypedResults.Ok(await ResponseAsync(nodeId, db, rules.Value.Seats, now, cancellationToken));
    }

    private static async Task<ProblemHttpResult?> AreaProblemAsync(Guid nodeId, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return RepresentativeAccess.Forbidden("Workers set the seats of their areas.");
        }

        var area = await db.TerritoryNodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => new { n.Path, n.Retired }).SingleOrDefaultAsync(cancellationToken);
        return area is null || area.Retired || !(await CallerScope.OfAsync(caller, db, cancellationToken)).Sees(area.Path)
            ? new DomainException(RepresentativeErrors.AreaNotFound, $"No active territory node {nodeId} in your area.").ToProblem()
            : null;
    }

    private static async Task<RepresentativeSeatsResponse> ResponseAsync(
        Guid nodeId, ResidentsDbContext db, SeatCounts defaults, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = await db.RepresentativeSeatPlans.AsNoTracking().Where(p => p.NodeId == nodeId).Select(p => p.Seats).SingleOrDefaultAsync(cancellationToken);
        var held = await RepresentativeAccess.ServingOn(db, nodeId, DistrictClock.Today(now))
            .GroupBy(r => r.Seat).Select(g => new { Seat = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Seat, g => g.Count, cancellationToken);
        return new RepresentativeSeatsResponse(
            nodeId, own ?? defaults, own is null,
            new SeatCounts
            {
                Residents = held.GetValueOrDefault(RepresentativeSeat.Residents),
                LocalUnits = held.GetValueOrDefault(RepresentativeSeat.LocalUnits),
                SocialOrganisations = held.GetValueOrDefault(RepresentativeSeat.SocialOrganisations),
                Invitees = held.GetValueOrDefault(RepresentativeSeat.Invitees),
            });
    }
}
