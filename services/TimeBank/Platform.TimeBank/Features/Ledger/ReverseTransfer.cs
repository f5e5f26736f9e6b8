using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Body of <c>POST /api/timebank/transfers/{id}/reverse</c>.</summary>
/// <param name="Id">The client's id for the reversing transfer.</param>
/// <param name="Memo">Why it is reversed.</param>
public sealed record ReverseTransferRequest(Guid? Id, string? Memo) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Id), Id is null || Id == Guid.Empty ? "A transfer id of the client's choosing is required." : null),
        (nameof(Memo), Transfer.MemoProblem(Memo)));
}

/// <summary>Reverses a posted transfer whole, once (staff who see both of its accounts); a replay answers the reversal.</summary>
internal static class ReverseTransfer
{
    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapPost("transfers/{id:guid}/reverse", HandleAsync).WithSummary("Reverse a posted transfer whole, once, by a new transfer that names it.");

    private static async Task<Results<Created<TransferResponse>, Ok<TransferResponse>>> HandleAsync(
        Guid id, ReverseTransferRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var original = await access.FindTransferAsync(id, db, cancellationToken);
        if (!access.IsStaff)
        {
            throw new DomainException(LedgerErrors.NotAllowed, "Corrections are staff's work.");
        }

        await access.RequireMayTransferAsync(original.CreditAccountId, original.DebitAccountId, db, cancellationToken);
        var write = await ledger.ReverseAsync(id, request.Id!.Value, request.Memo, access.UserId, cancellationToken);
        var response = TransferResponse.Of(write.Transfer);
        return write.Created ? TypedResults.Created($"/api/timebank/transfers/{write.Transfer.Id}", response) : TypedResults.Ok(response);
    }
}
