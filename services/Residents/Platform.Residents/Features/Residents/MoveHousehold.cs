using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// Moves a household whole (see <see cref="Household.Move"/>) to another building or unit inside the caller's scope,
/// behind the door number given or its own, with one move event per member.
/// </summary>
internal static class MoveHousehold
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapPost("households/{id:guid}/move", HandleAsync).WithSummary("Move a household with all its members to another building or unit.");

    private static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        MoveRequest request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (household, scope) = await ResidentsInScope.FindHouseholdAsync(id, caller, db, cancellationToken);
        if (household is null)
        {
            return ResidentProblems.HouseholdNotFound(id);
        }

        // The door number is the household's own, not one to find or found a household by.
        var (place, field, problem) = await ResidentPlacement.ResolveAsync(db, scope, request.NodeId, householdNumber: null, now, cancellationToken);
        if (place is null || place.HouseholdId is not null)
        {
            return ProblemResults.Validation(field ?? ResidentPlacement.NodeField, problem ?? "A household moves to a building or unit.");
        }

        var number = request.Household?.Trim() ?? household.Number;
        if (Household.NumberProblem(number) is { } numberProblem)
        {
            return ProblemResults.Validation("household", numberProblem);
        }

        if (await db.Households.AnyAsync(h => h.NodeId == place.NodeId && h.Number == number && h.Id != id, cancellationToken))
        {
            return NumberTaken();
        }

        var members = await db.Residents.Where(r => r.HouseholdId == id).ToListAsync(cancellationToken);
        foreach (var move in household.Move(place.NodeId, place.NodePath, number, members, now))
        {
            db.AddIntegrationEvent(ResidentEvents.Moved(tenant.TenantId!.Value, move.Resident, move.FromNodeId, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another household took the door meanwhile; the index decided.
            return NumberTaken();
        }

        return TypedResults.Ok(HouseholdResponse.From(household, members, DistrictClock.Today(now)));
    }

    private static ProblemHttpResult NumberTaken() =>
        new DomainException(ResidentErrors.DoorNumberTaken, "Another household already lives behind that door.").ToProblem();
}
