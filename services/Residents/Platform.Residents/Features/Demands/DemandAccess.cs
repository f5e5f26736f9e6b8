using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Demands;

/// <summary>Who sees which demands, and who is acting on one.</summary>
internal static class DemandAccess
{
    /// <summary>Whether the caller handles demands inside a scope rather than following their own.</summary>
    public static bool IsWorker(ClaimsPrincipal caller) => DemandEndpoints.WorkerRoles.Any(caller.IsInRole);

    /// <summary>
    /// The demands the caller may see: a resident's own, a worker's scope. Read them with a single query: split
    /// queries are not one snapshot, and a step committed between them would show its history beside the old status.
    /// </summary>
    /// <returns>The demands, and the worker's scope (null for a resident).</returns>
    public static async Task<(IQueryable<Demand> Demands, CallerScope? Scope)> VisibleAsync(
        ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!IsWorker(caller))
        {
            var userId = Actor(caller).UserId;
            return (db.Demands.Where(d => d.FiledBy == userId), null);
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return (db.Demands.InSubtree(scope.Path), scope);
    }

    /// <summary>Who is acting, as the history records them.</summary>
    public static DemandActor Actor(ClaimsPrincipal caller) =>
        new(caller.UserId() ?? throw new InvalidOperationException("The demand users policy admits authenticated callers only."), caller.Identity?.Name);

    public static ProblemHttpResult NotFound(Guid id) =>
        new DomainException(DemandErrors.NotFound, $"No demand {id} that you can see.").ToProblem();
}
