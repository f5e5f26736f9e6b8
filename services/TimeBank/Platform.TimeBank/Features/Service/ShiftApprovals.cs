using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Service;

/// <summary>One volunteer to approve.</summary>
/// <param name="VolunteerId">The volunteer's user id.</param>
/// <param name="Minutes">The minutes to credit, up to the shift's length; null: the measured check-out − check-in, capped at the shift's length.</param>
public sealed record ApprovalItem([property: Required] string? VolunteerId, long? Minutes);

/// <summary>Body of <c>POST /api/timebank/shifts/{id}/approvals</c>.</summary>
/// <param name="Items">The volunteers to approve (one or many at once).</param>
public sealed record ApproveServiceRequest([property: Required, MinLength(1), MaxLength(1_000)] IReadOnlyList<ApprovalItem>? Items);

/// <summary>What an approval credited.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Minutes">The minutes credited.</param>
/// <param name="RecordId">The service record, also the id of the ledger transfer.</param>
/// <param name="AccountId">The volunteer's account credited.</param>
public sealed record ApprovalResult(string VolunteerId, long Minutes, Guid RecordId, Guid AccountId);

/// <summary>The approval's results.</summary>
/// <param name="Items">One per volunteer approved.</param>
public sealed record ApproveServiceResponse(IReadOnlyList<ApprovalResult> Items);

/// <summary>
/// The organiser approves volunteers' service on a shift, one or many at once, all or nothing: each approval credits the
/// volunteer's account (opened when first needed) from the district's issuance account, in the activity's purpose, and
/// publishes <see cref="VolunteerServiceRecordedIntegrationEvent"/> through the outbox, all in one transaction.
/// </summary>
internal static class ShiftApprovals
{
    public static void Map(RouteGroupBuilder organisers) =>
        organisers.MapPost("shifts/{id:guid}/approvals", HandleAsync).WithSummary("Approve volunteers' minutes on a shift the caller organises; the minutes are credited and the service recorded.");

    private static async Task<Ok<ApproveServiceResponse>> HandleAsync(
        Guid id, ApproveServiceRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ServiceEndpoints.LockShiftAsync(id, db, cancellationToken);
        var (shift, activity) = await ServiceEndpoints.FindOrganisedShiftAsync(id, caller, db, cancellationToken);
        var organiser = caller.UserId()!;
        var now = clock.GetUtcNow();
        var (issuance, _) = await ledger.FindOrOpenAsync(Account.OfBank(AccountKind.Issuance, activity.Purpose, now), cancellationToken);
        var results = new List<ApprovalResult>();
        foreach (var item in request.Items!)
        {
            var signUp = shift.Approve(item.VolunteerId!, item.Minutes, organiser, now);
            var (account, _) = await ledger.FindOrOpenAsync(Account.OfVolunteer(signUp.VolunteerId, activity.Purpose, now), cancellationToken);
            var recordId = signUp.RecordId!.Value;
            var minutes = signUp.ApprovedMinutes!.Value;
            await ledger.WriteAsync(new TransferOrder(recordId, activity.Purpose, issuance.Id, account.Id, minutes, activity.Title, Pending: false), organiser, cancellationToken);
            db.AddIntegrationEvent(new VolunteerServiceRecordedIntegrationEvent
            {
                TenantId = activity.TenantId, OccurredAt = now, RecordId = recordId, UserId = signUp.VolunteerId, ActivityId = activity.Id, ActivityTitle = activity.Title,
                Category = activity.Category.ToWire(), NodeId = activity.NodeId, ShiftId = shift.Id, ShiftStartsAt = shift.StartsAt, ShiftEndsAt = shift.EndsAt,
                Purpose = activity.Purpose.ToWire(), Minutes = minutes, TransferId = recordId, ApprovedBy = organiser,
            });
            results.Add(new ApprovalResult(signUp.VolunteerId, minutes, recordId, account.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ApproveServiceResponse(results));
    }
}
