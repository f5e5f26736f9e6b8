using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>
/// Which reports a caller sees: an official those sent inside their territory scope, a party member their own member
/// reports (and no unit report). One the caller may not see is not found.
/// </summary>
/// <param name="Scope">The official's scope; <see cref="CallerScope.Nothing"/> for a member.</param>
/// <param name="IsOfficial">Whether the caller decides reports.</param>
/// <param name="UserId">The caller's user id.</param>
internal sealed record ReportAccess(CallerScope Scope, bool IsOfficial, string UserId)
{
    /// <summary>The caller's access.</summary>
    public static async Task<ReportAccess> OfAsync(ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        // The readers policy admits authenticated callers only, so a subject is there.
        var userId = caller.UserId()!;
        return OrganisationEndpoints.OfficialRoles.Any(caller.IsInRole)
            ? new ReportAccess(await CallerScope.OfAsync(caller, db, cancellationToken), IsOfficial: true, userId)
            : new ReportAccess(CallerScope.Nothing, IsOfficial: false, userId);
    }

    /// <summary>The member reports the caller sees.</summary>
    public IQueryable<MemberReport> MemberReports(PartyBuildingDbContext db) =>
        IsOfficial ? db.MemberReports.InSubtree(Scope.Path) : db.MemberReports.Where(r => r.UserId == UserId);

    /// <summary>The service records the caller sees: those of the member reports they see.</summary>
    public IQueryable<ServiceRecord> ServiceRecords(PartyBuildingDbContext db) =>
        IsOfficial ? db.ServiceRecords.InSubtree(Scope.Path) : db.ServiceRecords.Where(r => r.UserId == UserId);

    /// <summary>The unit reports the caller sees (none for a member).</summary>
    public IQueryable<UnitReport> UnitReports(PartyBuildingDbContext db) =>
        db.UnitReports.InSubtree(Scope.Path);

    /// <summary>The report of either kind, tracked.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<Report> FindAsync(Guid id, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        (Report?)await MemberReports(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? (Report?)await UnitReports(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw NotFound(id);

    /// <summary>The refusal of a report the caller cannot see.</summary>
    public static DomainException NotFound(Guid id) => new(PartyBuildingErrors.ReportNotFound, $"No report {id} that you sent or decide.");
}
