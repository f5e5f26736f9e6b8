using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Features.Service;

/// <summary>Body of <c>POST /api/timebank/activities</c>.</summary>
/// <param name="Title">Title, e.g. 敬老院陪护.</param>
/// <param name="Category">elderly_care, patrol, waste_sorting, epidemic_post, tutoring or other.</param>
/// <param name="NodeId">The territory node it takes place at.</param>
/// <param name="Purpose">The purpose approved minutes are credited under (default volunteer_service).</param>
/// <param name="Place">Where exactly.</param>
public sealed record PostActivityRequest(string? Title, ActivityCategory? Category, Guid? NodeId, Purpose? Purpose, string? Place) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Title), Activity.TitleProblem(Title)),
        (nameof(Category), Category is { } category && Enum.IsDefined(category) ? null : WireNames.Expected<ActivityCategory>()),
        (nameof(NodeId), NodeId is null ? "The node the activity takes place at." : null),
        (nameof(Purpose), Purpose is { } purpose && !Enum.IsDefined(purpose) ? WireNames.Expected<Purpose>() : null),
        (nameof(Place), Activity.PlaceProblem(Place)));
}

/// <summary>Body of <c>POST /api/timebank/activities/{id}/shifts</c>.</summary>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends (at most 24 h later).</param>
/// <param name="Capacity">How many volunteers it takes.</param>
public sealed record AddShiftRequest([property: Required] DateTimeOffset? StartsAt, [property: Required] DateTimeOffset? EndsAt, [property: Required] int? Capacity);

/// <summary>An activity.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Category">Its category.</param>
/// <param name="NodeId">Where it takes place.</param>
/// <param name="Purpose">The purpose its minutes are credited under.</param>
/// <param name="Place">Where exactly.</param>
/// <param name="OrganiserId">Who organises it.</param>
/// <param name="CreatedAt">When it was posted.</param>
public sealed record ActivityResponse(Guid Id, string Title, ActivityCategory Category, Guid NodeId, Purpose Purpose, string? Place, string OrganiserId, DateTimeOffset CreatedAt)
{
    public static ActivityResponse Of(Activity a) => new(a.Id, a.Title, a.Category, a.NodeId, a.Purpose, a.Place, a.OrganiserId, a.CreatedAt);
}

/// <summary>A shift.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ActivityId">Its activity.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="Capacity">How many volunteers it takes.</param>
/// <param name="SignedUp">How many signed up.</param>
public sealed record ShiftResponse(Guid Id, Guid ActivityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int SignedUp)
{
    public static ShiftResponse Of(Shift s) => new(s.Id, s.ActivityId, s.StartsAt, s.EndsAt, s.Capacity, s.SignUps.Count);
}

/// <summary>Posting activities and their shifts (organisers), reading them (every member of the district).</summary>
internal static class Activities
{
    public static void MapOrganising(RouteGroupBuilder organisers)
    {
        organisers.MapPost("activities", PostAsync).WithSummary("Post an activity at a node of the organiser's area.");
        organisers.MapPost("activities/{id:guid}/shifts", AddShiftAsync).WithSummary("Add a shift (start, end, capacity) to an activity the caller organises.");
    }

    public static void MapReading(RouteGroupBuilder users)
    {
        users.MapGet("activities/{id:guid}", GetAsync).WithSummary("One activity of the district.");
        users.MapGet("shifts/{id:guid}", GetShiftAsync).WithSummary("One shift of the district with how many signed up.");
    }

    private static async Task<Created<ActivityResponse>> PostAsync(
        PostActivityRequest request, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !scope.Sees(node.Path))
        {
            throw new DomainException(ServiceErrors.NodeNotFound, $"There is no node {request.NodeId} in your area.", "nodeId");
        }

        var activity = Activity.Post(request.Title!, request.Category!.Value, node.Id, node.Path, request.Purpose ?? Purpose.VolunteerService, request.Place, caller.UserId()!, clock.GetUtcNow());
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/timebank/activities/{activity.Id}", ActivityResponse.Of(activity));
    }

    private static async Task<Created<ShiftResponse>> AddShiftAsync(
        Guid id, AddShiftRequest request, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var activity = await ServiceEndpoints.FindActivityAsync(id, db, cancellationToken);
        if (!await ServiceEndpoints.OrganisesAsync(caller, activity, db, cancellationToken))
        {
            throw new DomainException(ServiceErrors.ActivityNotFound, $"There is no activity {id} you organise.");
        }

        var shift = activity.AddShift(request.StartsAt!.Value, request.EndsAt!.Value, request.Capacity!.Value, RandomNumberGenerator.GetBytes(32), clock.GetUtcNow());
        db.Shifts.Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/timebank/shifts/{shift.Id}", ShiftResponse.Of(shift));
    }

    private static async Task<Ok<ActivityResponse>> GetAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ActivityResponse.Of(await ServiceEndpoints.FindActivityAsync(id, db, cancellationToken)));

    private static async Task<Ok<ShiftResponse>> GetShiftAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ShiftResponse.Of((await ServiceEndpoints.FindShiftAsync(id, db, cancellationToken)).Shift));
}
