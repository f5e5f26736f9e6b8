using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Features.Service;

/// <summary>Body of check-in and check-out: the code the organiser shows.</summary>
/// <param name="Code">Six digits.</param>
public sealed record ShiftCodeRequest([property: Required, StringLength(6, MinimumLength = 6)] string? Code);

/// <summary>A volunteer's place on a shift.</summary>
/// <param name="ShiftId">The shift.</param>
/// <param name="VolunteerId">The volunteer's user id.</param>
/// <param name="SignedUpAt">When they signed up.</param>
/// <param name="CheckedInAt">When they checked in.</param>
/// <param name="CheckedOutAt">When they checked out.</param>
/// <param name="ApprovedMinutes">The minutes approved.</param>
/// <param name="RecordId">The service record (and ledger transfer) once approved.</param>
public sealed record SignUpResponse(Guid ShiftId, string VolunteerId, DateTimeOffset SignedUpAt, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, long? ApprovedMinutes, Guid? RecordId)
{
    public static SignUpResponse Of(Guid shiftId, SignUp s) => new(shiftId, s.VolunteerId, s.SignedUpAt, s.CheckedInAt, s.CheckedOutAt, s.ApprovedMinutes, s.RecordId);
}

/// <summary>Signing up (capacity enforced), the rotating code (organisers), check-in and check-out with it.</summary>
internal static class ShiftAttendance
{
    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("shifts/{id:guid}/signups", SignUpAsync).WithSummary("Sign the caller up for a shift while it has room.");
        users.MapPost("shifts/{id:guid}/checkin", (Guid id, ShiftCodeRequest request, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
            AttendAsync(id, request, checkIn: true, caller, db, clock, cancellationToken)).WithSummary("Check in with the code the organiser shows.");
        users.MapPost("shifts/{id:guid}/checkout", (Guid id, ShiftCodeRequest request, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
            AttendAsync(id, request, checkIn: false, caller, db, clock, cancellationToken)).WithSummary("Check out with the code the organiser shows.");
    }

    public static void MapCode(RouteGroupBuilder organisers) =>
        organisers.MapGet("shifts/{id:guid}/code", CodeAsync).WithSummary("The shift's current check-in code (its organiser): 6 digits, rotating every 60 s, accepted for two periods.");

    private static async Task<Created<SignUpResponse>> SignUpAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ServiceEndpoints.LockShiftAsync(id, db, cancellationToken);
        var (shift, _) = await ServiceEndpoints.FindShiftAsync(id, db, cancellationToken);
        var signUp = shift.SignUp(caller.UserId()!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/timebank/shifts/{id}/signups", SignUpResponse.Of(id, signUp));
    }

    private static async Task<Ok<ShiftCode>> CodeAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (shift, _) = await ServiceEndpoints.FindOrganisedShiftAsync(id, caller, db, cancellationToken);
        return TypedResults.Ok(shift.CodeAt(clock.GetUtcNow()));
    }

    private static async Task<Ok<SignUpResponse>> AttendAsync(
        Guid id, ShiftCodeRequest request, bool checkIn, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (shift, _) = await ServiceEndpoints.FindShiftAsync(id, db, cancellationToken);
        var volunteerId = caller.UserId()!;
        if (checkIn)
        {
            shift.CheckIn(volunteerId, request.Code, clock.GetUtcNow());
        }
        else
        {
            shift.CheckOut(volunteerId, request.Code, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SignUpResponse.Of(id, shift.SignUps.Single(s => s.VolunteerId == volunteerId)));
    }
}
