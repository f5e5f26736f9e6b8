using Platform.Domain;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>Where a resident or a household moves to.</summary>
/// <param name="NodeId">A building or unit, or (for a resident) a household id.</param>
/// <param name="Household">Door number at the new building or unit, for a resident joining or founding a household there.</param>
public sealed record MoveRequest(Guid? NodeId, string? Household);

/// <summary>Moves one resident to another building, unit or household inside the caller's scope.</summary>
internal static class MoveResident
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapPost("{id:guid}/move", HandleAsync).WithSummary("Move a resident to another building, unit or household.");

    private static async Task<Results<Ok<ResidentResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        MoveRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (resident, scope) = await ResidentsInScope.FindAsync(id, caller, db, cancellationToken);
        if (resident is null)
        {
            return ResidentProblems.NotFound(id);
        }

        var (place, field, problem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, request.Household, now, cancellationToken);
        if (place is null)
        {
            return ProblemResults.Validation(field!, problem!);
        }

        var from = resident.NodeId;
        if (resident.MoveTo(place))
        {
            resident.Touch(now);
            db.AddIntegrationEvent(ResidentEvents.Moved(tenant.TenantId!.Value, resident, from, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ResidentResponse.Masked(resident, DistrictClock.Today(now)));
    }
}
