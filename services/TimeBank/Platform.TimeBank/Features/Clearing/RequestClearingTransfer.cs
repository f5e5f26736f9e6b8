using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Clearing;

/// <summary>Body of <c>POST /api/timebank/clearing/transfers</c>.</summary>
/// <param name="Id">The client's id: the same id with the same fields replays the request.</param>
/// <param name="ToDistrict">The receiving district's identifier.</param>
/// <param name="UserId">Whose minutes move (default: the caller; another user's: district admins only).</param>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service.</param>
/// <param name="Minutes">Whole minutes, at least 1.</param>
public sealed record ClearingTransferRequest(Guid? Id, string? ToDistrict, string? UserId, Purpose? Purpose, long? Minutes) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Id), Id is null || Id == Guid.Empty ? "A clearing transfer id of the client's choosing is required." : null),
        (nameof(ToDistrict), string.IsNullOrWhiteSpace(ToDistrict) || ToDistrict.Length > Account.OwnerIdMaxLength ? "The receiving district's identifier." : null),
        (nameof(UserId), UserId is { Length: 0 or > Account.OwnerIdMaxLength } ? "A platform user id." : null),
        (nameof(Purpose), Purpose is { } purpose && Enum.IsDefined(purpose) ? null : WireNames.Expected<Purpose>()),
        (nameof(Minutes), Minutes is null or < 1 or > CreateTransferRequest.MaxMinutes ? $"Whole minutes from 1 to {CreateTransferRequest.MaxMinutes}." : null));
}

/// <summary>What a clearing request answers at once: the move is under way.</summary>
/// <param name="Id">The clearing transfer's id.</param>
/// <param name="Status">pending until the receiver answers (or completed / rejected on a late replay).</param>
public sealed record ClearingTransferAccepted(Guid Id, ClearingStatus Status);

/// <summary>
/// Sends a volunteer's minutes to another district: in one transaction the minutes are reserved by a pending transfer
/// (same id) from the volunteer's account to the clearing account for the receiver, and the request is queued in the
/// outbox addressed to the receiver. 202; a replay with the same fields answers 202 with where it stands, other fields 409.
/// </summary>
internal static class RequestClearingTransfer
{
    public static void Map(RouteGroupBuilder clearing) =>
        clearing.MapPost("transfers", HandleAsync).WithSummary("Move a volunteer's minutes to another district (通存通兑); idempotent by the client's id.");

    private static async Task<Accepted<ClearingTransferAccepted>> HandleAsync(
        ClearingTransferRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, ITenantStore tenants, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var userId = request.UserId ?? access.UserId;
        if (userId != access.UserId && !access.IsDistrictAdmin)
        {
            throw new DomainException(LedgerErrors.NotAllowed, "A volunteer moves their own minutes; district admins move anyone's.", "userId");
        }

        var own = await tenants.FindByIdAsync(db.CurrentTenantId!.Value, cancellationToken) ?? throw new InvalidOperationException("The current district is not in the catalogue.");
        var target = await tenants.FindByIdentifierAsync(request.ToDistrict!, cancellationToken) is { } found && found.Id != own.Id
            && found.Identifier != Platform.MultiTenancy.TenantInfo.SystemIdentifier
            ? found
            : throw new DomainException(ClearingErrors.DistrictNotFound, $"There is no other district '{request.ToDistrict}'.", "toDistrict");

        var (id, purpose, minutes) = (request.Id!.Value, request.Purpose!.Value, request.Minutes!.Value);
        try
        {
            return await SendAsync();
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            // Two requests with one new id: the loser answers the winner's transfer as a replay.
            db.ChangeTracker.Clear();
            return await SendAsync();
        }

        async Task<Accepted<ClearingTransferAccepted>> SendAsync()
        {
            if (await db.ClearingTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } existing)
            {
                return existing.Matches(target.Identifier, userId, purpose, minutes)
                    ? Answer(existing)
                    : throw new DomainException(LedgerErrors.TransferExistsWithDifferentFields, $"Clearing transfer {id} exists with other fields; choose a new id.");
            }

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var sent = ClearingTransfer.Send(id, target.Identifier, target.Id, userId, purpose, minutes, access.UserId, now);
            var (volunteer, _) = await ledger.FindOrOpenAsync(Account.OfVolunteer(userId, purpose, now), cancellationToken);
            var (clearingAccount, _) = await ledger.FindOrOpenAsync(Account.ClearingWith(target.Identifier, purpose, now), cancellationToken);
            await ledger.WriteAsync(sent.ReservationOrder(volunteer.Id, clearingAccount.Id), access.UserId, cancellationToken);
            db.ClearingTransfers.Add(sent);
            db.AddIntegrationEvent(new ClearingTransferRequestedIntegrationEvent
            {
                TenantId = target.Id, OccurredAt = now, ClearingTransferId = id, FromTenantId = own.Id, FromDistrict = own.Identifier, UserId = userId,
                Purpose = purpose.ToWire(), Minutes = minutes,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Answer(sent);
        }
    }

    private static Accepted<ClearingTransferAccepted> Answer(ClearingTransfer transfer) =>
        TypedResults.Accepted($"/api/timebank/clearing/transfers/{transfer.Id}", new ClearingTransferAccepted(transfer.Id, transfer.Status));
}
