using Platform.Domain;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.Residents.Domain;

namespace Platform.Residents.Features.Residents;

/// <summary>A household with its members.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="NodeId">The building or unit.</param>
/// <param name="Number">Door number.</param>
/// <param name="Members">The residents living there, masked.</param>
public sealed record HouseholdResponse(Guid Id, Guid NodeId, string Number, IReadOnlyList<ResidentResponse> Members)
{
    public static HouseholdResponse From(Household household, IEnumerable<Resident> members, DateOnly today) =>
        new(household.Id, household.NodeId, household.Number, [.. members.Select(m => ResidentResponse.Masked(m, today))]);
}

/// <summary>A household inside the caller's scope, with its members eldest first.</summary>
internal static class GetHousehold
{
    public static void Map(IEndpointRouteBuilder residents) =>
        residents.MapGet("households/{id:guid}", HandleAsync).WithSummary("A household with its members.");

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (household, _) = await ResidentsInScope.FindHouseholdAsync(id, caller, db, cancellationToken);
        if (household is null)
        {
            return ResidentProblems.HouseholdNotFound(id);
        }

        var members = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == id).OrderBy(r => r.BirthDate).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(HouseholdResponse.From(household, members, DistrictClock.Today(clock.GetUtcNow())));
    }
}
