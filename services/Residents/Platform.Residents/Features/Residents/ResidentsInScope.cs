using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// Finds the residents and households a caller may see: one outside the caller's scope is not found, exactly like
/// one that does not exist.
/// </summary>
internal static class ResidentsInScope
{
    /// <summary>The resident, tracked for a change, or null; and the caller's scope, for what the change refers to.</summary>
    public static async Task<(Resident? Resident, CallerScope Scope)> FindAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return (await db.Residents.InSubtree(scope.Path).SingleOrDefaultAsync(r => r.Id == id, cancellationToken), scope);
    }

    /// <summary>The household, tracked for a change, or null; and the caller's scope.</summary>
    public static async Task<(Household? Household, CallerScope Scope)> FindHouseholdAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return (await db.Households.InSubtree(scope.Path).SingleOrDefaultAsync(h => h.Id == id, cancellationToken), scope);
    }
}
