using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;

namespace Platform.Residents.Features.Demands;

/// <summary>One demand the caller may see, with its full history.</summary>
internal static class GetDemand
{
    public static void Map(IEndpointRouteBuilder users) =>
        users.MapGet("{id:guid}", HandleAsync).WithSummary("One demand with its status, allowed next actions, summons and full history.");

    private static async Task<Results<Ok<DemandResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (visible, _) = await DemandAccess.VisibleAsync(caller, db, cancellationToken);
        var demand = await visible.AsSingleQuery().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return demand is null ? DemandAccess.NotFound(id) : TypedResults.Ok(DemandResponse.From(demand, clock.GetUtcNow(), withHistory: true));
    }
}
