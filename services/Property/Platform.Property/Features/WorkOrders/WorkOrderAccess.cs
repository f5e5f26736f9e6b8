using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.WorkOrders;
using Platform.Property.Features.Areas;
using Platform.Property.Features.Companies;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.WorkOrders;

/// <summary>
/// Who sees which work orders: a company's machine client its own company's (by contract, wherever its estates lie), the
/// workers and administrators those of the areas in their territory. Anything else answers 404.
/// </summary>
internal static class WorkOrderAccess
{
    /// <summary>Whether the caller is a property company's system.</summary>
    public static bool IsCompany(ClaimsPrincipal caller) => caller.IsInRole(PlatformRoleNames.PropertyCompany);

    /// <summary>The work orders the caller may see.</summary>
    public static async Task<IQueryable<WorkOrder>> VisibleAsync(ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        if (IsCompany(caller))
        {
            var companyIds = CompanyAccess.OfCaller(caller, db).Select(c => c.Id);
            return db.WorkOrders.Where(o => companyIds.Contains(o.CompanyId));
        }

        var areas = AreaAccess.InScope(db, await CallerScope.OfAsync(caller, db, cancellationToken)).Select(a => a.Id);
        return db.WorkOrders.Where(o => o.AreaId != null && areas.Contains(o.AreaId.Value));
    }

    /// <summary>The work order, if the caller may see it; otherwise the 404 a missing one answers.</summary>
    public static async Task<WorkOrder> FindAsync(Guid id, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken) =>
        await (await VisibleAsync(caller, db, cancellationToken)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new DomainException(PropertyErrors.WorkOrderNotFound, $"No work order {id} that you can see.");
}
