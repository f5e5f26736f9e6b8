using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Features.Service;

/// <summary>Filters of <c>GET /api/timebank/activities</c>.</summary>
/// <param name="NodeId">Only activities at this node or below it.</param>
/// <param name="Category">elderly_care, patrol, waste_sorting, epidemic_post, tutoring or other.</param>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="Organiser"><c>me</c>: only the activities the caller posted.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Activities per page (at most 100).</param>
public sealed record ActivityQuery(
    Guid? NodeId, [property: WireName(typeof(ActivityCategory))] string? Category, [property: WireName(typeof(Purpose))] string? Purpose,
    [property: AllowedValues(null, ServiceLists.Me)] string? Organiser, int? Page, int? PageSize);

/// <summary>Filters of <c>GET /api/timebank/activities/{id}/shifts</c>.</summary>
/// <param name="From">Only shifts that end after this moment (e.g. now: what is still to come or under way).</param>
/// <param name="To">Only shifts that start before this moment.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Shifts per page (at most 100).</param>
public sealed record ShiftQuery(DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

/// <summary>Filters of the lists of sign-ups.</summary>
/// <param name="Approved">true: only approved sign-ups; false: only those still to approve.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Sign-ups per page (at most 100).</param>
public sealed record SignUpQuery(bool? Approved, int? Page, int? PageSize);

/// <summary>
/// The lists of volunteer service, each paged with its total: the district's activities (every member; filtered by node
/// subtree, category, purpose or the caller's own), an activity's shifts in time order, a shift's sign-ups (its organiser)
/// and the caller's own sign-ups, latest shift first.
/// </summary>
internal static class ServiceLists
{
    /// <summary>The one value <c>organiser</c> takes.</summary>
    public const string Me = "me";

    public static void MapReading(RouteGroupBuilder users)
    {
        users.MapGet("activities", ActivitiesAsync).WithSummary("The district's activities, newest first; nodeId (its subtree), category, purpose and organiser=me filter.");
        users.MapGet("activities/{id:guid}/shifts", ShiftsAsync).WithSummary("An activity's shifts by start time, with how many signed up; from and to bound them in time.");
        users.MapGet("signups", OwnSignUpsAsync).WithSummary("The caller's own sign-ups, latest shift first; approved=true|false filters.");
    }

    public static void MapOrganising(RouteGroupBuilder organisers) =>
        organisers.MapGet("shifts/{id:guid}/signups", ShiftSignUpsAsync).WithSummary("A shift's sign-ups (its organiser), in sign-up order; approved=false lists who is still to approve.");

    private static async Task<Ok<PagedResult<ActivityResponse>>> ActivitiesAsync(
        [AsParameters] ActivityQuery query, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var activities = db.Activities.AsNoTracking();
        if (query.NodeId is { } nodeId)
        {
            var path = await db.TerritoryNodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(ServiceErrors.NodeNotFound, $"There is no node {nodeId}.", "nodeId");
            activities = activities.InSubtree(path);
        }

        if (query.Category is { } category)
        {
            var wanted = WireNames.Parse<ActivityCategory>(category);
            activities = activities.Where(a => a.Category == wanted);
        }

        if (query.Purpose is { } purpose)
        {
            var wanted = WireNames.Parse<Purpose>(purpose);
            activities = activities.Where(a => a.Purpose == wanted);
        }

        if (query.Organiser == Me)
        {
            var userId = caller.UserId();
            activities = activities.Where(a => a.OrganiserId == userId);
        }

        var paging = new PageRequest(query.Page, query.PageSize);
        var page = await activities.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(ActivityResponse.Of));
    }

    private static async Task<Ok<PagedResult<ShiftResponse>>> ShiftsAsync(
        Guid id, [AsParameters] ShiftQuery query, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        await ServiceEndpoints.FindActivityAsync(id, db, cancellationToken);
        var shifts = db.Shifts.AsNoTracking().Where(s => s.ActivityId == id);
        shifts = query.From?.ToUniversalTime() is { } from ? shifts.Where(s => s.EndsAt > from) : shifts;
        shifts = query.To?.ToUniversalTime() is { } to ? shifts.Where(s => s.StartsAt < to) : shifts;

        var paging = new PageRequest(query.Page, query.PageSize);
        return TypedResults.Ok(await shifts.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToPageAsync(paging, s => new ShiftResponse(s.Id, s.ActivityId, s.StartsAt, s.EndsAt, s.Capacity, s.SignUps.Count), cancellationToken));
    }

    private static async Task<Ok<PagedResult<SignUpResponse>>> ShiftSignUpsAsync(
        Guid id, [AsParameters] SignUpQuery query, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        await ServiceEndpoints.FindOrganisedShiftAsync(id, caller, db, cancellationToken);
        var signUps = Approved(Rows(db.Shifts.AsNoTracking().Where(s => s.Id == id), volunteerId: null), query.Approved);
        return TypedResults.Ok(await PageAsync(signUps.OrderBy(x => x.SignedUpAt).ThenBy(x => x.VolunteerId), query, cancellationToken));
    }

    private static async Task<Ok<PagedResult<SignUpResponse>>> OwnSignUpsAsync(
        [AsParameters] SignUpQuery query, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var signUps = Approved(Rows(db.Shifts.AsNoTracking(), caller.UserId()), query.Approved);
        return TypedResults.Ok(await PageAsync(signUps.OrderByDescending(x => x.StartsAt).ThenBy(x => x.ShiftId), query, cancellationToken));
    }

    // Flat rows, so that the database filters, orders and pages the sign-ups of many shifts.
    private static IQueryable<SignUpRow> Rows(IQueryable<Shift> shifts, string? volunteerId) =>
        shifts.SelectMany(s => s.SignUps.Where(u => volunteerId == null || u.VolunteerId == volunteerId).Select(u => new SignUpRow
        {
            ShiftId = s.Id, StartsAt = s.StartsAt, VolunteerId = u.VolunteerId, SignedUpAt = u.SignedUpAt, CheckedInAt = u.CheckedInAt, CheckedOutAt = u.CheckedOutAt,
            ApprovedAt = u.ApprovedAt, ApprovedMinutes = u.ApprovedMinutes, RecordId = u.RecordId,
        }));

    private static IQueryable<SignUpRow> Approved(IQueryable<SignUpRow> signUps, bool? approved) => approved switch
    {
        true => signUps.Where(x => x.ApprovedAt != null),
        false => signUps.Where(x => x.ApprovedAt == null),
        null => signUps,
    };

    private static async Task<PagedResult<SignUpResponse>> PageAsync(IOrderedQueryable<SignUpRow> signUps, SignUpQuery query, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        return await signUps.ToPageAsync(
            paging, x => new SignUpResponse(x.ShiftId, x.VolunteerId, x.SignedUpAt, x.CheckedInAt, x.CheckedOutAt, x.ApprovedMinutes, x.RecordId), cancellationToken);
    }

    private sealed class SignUpRow
    {
        public Guid ShiftId { get; init; }

        public DateTimeOffset StartsAt { get; init; }

        public string VolunteerId { get; init; } = "";

        public DateTimeOffset SignedUpAt { get; init; }

        public DateTimeOffset? CheckedInAt { get; init; }

        public DateTimeOffset? CheckedOutAt { get; init; }

        public DateTimeOffset? ApprovedAt { get; init; }

        public long? ApprovedMinutes { get; init; }

        public Guid? RecordId { get; init; }
    }
}
