using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Service;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Service;

/// <summary>
/// Volunteer service: organisers post activities with shifts, volunteers sign up and check in and out with the shift's
/// rotating code, and the organiser's approval credits the minutes from the issuance account and publishes the service
/// record. Any member of the district may see and sign up for a shift; organisers manage their own activities (staff:
/// those inside their area). Another district's activity or shift answers 404.
/// </summary>
internal static class ServiceEndpoints
{
    /// <summary>Policy: who organises activities.</summary>
    public const string OrganisersPolicy = "timebank.organisers";

    /// <summary>Roles that organise activities: staff within their area, social organisations their own.</summary>
    public static readonly string[] OrganiserRoles = [.. LedgerAccess.StaffRoles, PlatformRoleNames.SocialOrganisation];

    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var organisers = endpoints.MapGroup("/api/timebank").RequireTenant().RequireAuthorization(OrganisersPolicy).WithTags("Volunteer service");
        Activities.MapOrganising(organisers);
        ShiftAttendance.MapCode(organisers);
        ShiftApprovals.Map(organisers);
        ServiceLists.MapOrganising(organisers);
        var users = endpoints.MapGroup("/api/timebank").RequireTenant().RequireAuthorization(LedgerEndpoints.UsersPolicy).WithTags("Volunteer service");
        Activities.MapReading(users);
        ServiceLists.MapReading(users);
        ShiftAttendance.Map(users);
        return endpoints;
    }

    /// <summary>Whether the caller organises <paramref name="activity"/>: its organiser, or staff whose area holds it.</summary>
    public static async Task<bool> OrganisesAsync(ClaimsPrincipal caller, Activity activity, TimeBankDbContext db, CancellationToken cancellationToken) =>
        activity.OrganiserId == caller.UserId()
        || (LedgerAccess.StaffRoles.Any(caller.IsInRole) && (await CallerScope.OfAsync(caller, db, cancellationToken)).Sees(activity.NodePath));

    /// <summary>Activity <paramref name="id"/> of the current district.</summary>
    public static async Task<Activity> FindActivityAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainException(ServiceErrors.ActivityNotFound, $"There is no activity {id}.");

    /// <summary>Shift <paramref name="id"/> of the current district, tracked, with its activity.</summary>
    public static async Task<(Shift Shift, Activity Activity)> FindShiftAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainException(ServiceErrors.ShiftNotFound, $"There is no shift {id}.");
        return (shift, await db.Activities.AsNoTracking().SingleAsync(a => a.Id == shift.ActivityId, cancellationToken));
    }

    /// <summary>
    /// Locks shift <paramref name="id"/>'s row in the current transaction, so that sign-ups (capacity) and approvals
    /// (once each) of one shift queue up.
    /// </summary>
    public static async Task LockShiftAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM shifts WHERE "TenantId" = {tenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
    }

    /// <summary>Shift <paramref name="id"/> with its activity, for its organiser only (anyone else: not found).</summary>
    public static async Task<(Shift Shift, Activity Activity)> FindOrganisedShiftAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var (shift, activity) = await FindShiftAsync(id, db, cancellationToken);
        return await OrganisesAsync(caller, activity, db, cancellationToken) ? (shift, activity) : throw new DomainException(ServiceErrors.ShiftNotFound, $"There is no shift {id} you organise.");
    }
}
