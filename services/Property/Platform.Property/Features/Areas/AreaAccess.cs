using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Contracts;
using Platform.Property.Domain;
using Platform.Property.Features.Companies;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Areas;

/// <summary>Which areas a caller keeps: those with a compound or building inside the caller's territory scope.</summary>
internal static class AreaAccess
{
    /// <summary>The areas the caller's scope reaches.</summary>
    public static IQueryable<PropertyArea> InScope(PropertyDbContext db, CallerScope scope)
    {
        if (scope.IsWholeDistrict)
        {
            return db.Areas;
        }

        var range = SubtreeRange.Of(scope.Path);
        return db.Areas.Where(a => a.Nodes.Any(n => string.Compare(n.NodePath, range.From) >= 0 && string.Compare(n.NodePath, range.To) < 0));
    }

    /// <summary>The area, if the caller keeps it; otherwise the 404 any missing area answers.</summary>
    public static async Task<PropertyArea> FindAsync(Guid areaId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        return await FindAsync(areaId, scope, db, cancellationToken);
    }

    /// <summary>The area, if <paramref name="scope"/> reaches it; otherwise the 404 any missing area answers.</summary>
    public static async Task<PropertyArea> FindAsync(Guid areaId, CallerScope scope, PropertyDbContext db, CancellationToken cancellationToken) =>
        await InScope(db, scope).SingleOrDefaultAsync(a => a.Id == areaId, cancellationToken)
        ?? throw new DomainException(PropertyErrors.AreaNotFound, $"No area {areaId} in your territory.");

    /// <summary>
    /// The area, if the caller keeps it, is the machine client of the company holding its active contract, or (when
    /// <paramref name="owners"/>) is linked to one of its owners; otherwise the 404 any missing area answers.
    /// </summary>
    public static async Task<PropertyArea> FindForAudienceAsync(Guid areaId, ClaimsPrincipal caller, PropertyDbContext db, bool owners, CancellationToken cancellationToken)
    {
        var area = await db.Areas.SingleOrDefaultAsync(a => a.Id == areaId, cancellationToken);
        if (area is not null)
        {
            if (PropertyEndpoints.KeeperRoles.Any(caller.IsInRole)
                && await InScope(db, await CallerScope.OfAsync(caller, db, cancellationToken)).AnyAsync(a => a.Id == areaId, cancellationToken))
            {
                return area;
            }

            var companies = CompanyAccess.OfCaller(caller, db).Select(c => c.Id);
            if (caller.IsInRole(PlatformRoleNames.PropertyCompany)
                && await db.Contracts.AnyAsync(c => c.AreaId == areaId && c.EndedAt == null && companies.Contains(c.CompanyId), cancellationToken))
            {
                return area;
            }

            var userId = caller.UserId();
            if (owners && userId is not null && await db.Owners.AnyAsync(o => o.AreaId == areaId && o.UserId == userId, cancellationToken))
            {
                return area;
            }
        }

        throw new DomainException(PropertyErrors.AreaNotFound, $"No area {areaId} that you can see.");
    }
}
