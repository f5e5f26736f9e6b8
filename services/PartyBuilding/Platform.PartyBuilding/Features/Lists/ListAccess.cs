using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Reporting;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>
/// Which openings and claims a caller sees: an official those inside their territory scope; a member the openings of
/// the community that confirmed their report, and their own claims.
/// </summary>
/// <param name="Reports">The caller's access to reports, which decides the rest.</param>
internal sealed record ListAccess(ReportAccess Reports)
{
    /// <summary>The caller's access.</summary>
    public static async Task<ListAccess> OfAsync(ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        new(await ReportAccess.OfAsync(caller, db, cancellationToken));

    /// <summary>The openings the caller sees.</summary>
    public IQueryable<Opening> Openings(PartyBuildingDbContext db) =>
        Reports.IsOfficial
            ? db.Openings.InSubtree(Reports.Scope.Path)
            : db.Openings.Where(o => db.MemberReports.Any(r => r.UserId == Reports.UserId && r.Status == ReportStatus.Confirmed && r.CommunityNodeId == o.CommunityNodeId));

    /// <summary>The claims the caller sees.</summary>
    public IQueryable<OpeningClaim> Claims(PartyBuildingDbContext db) =>
        Reports.IsOfficial ? db.Claims.InSubtree(Reports.Scope.Path) : db.Claims.Where(c => c.UserId == Reports.UserId);

    /// <summary>Opening <paramref name="id"/> with its claims, tracked.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Opening> FindOpeningAsync(Guid id, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        await Openings(db).Include(o => o.Claims).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.OpeningNotFound, $"No opening {id} you can see.");

    /// <summary>
    /// Locks opening <paramref name="id"/>'s row in the current transaction, so that claims of one opening queue up and
    /// each is decided against every place already taken.
    /// </summary>
    public static async Task LockOpeningAsync(Guid id, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM openings WHERE "TenantId" = {tenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
    }
}
