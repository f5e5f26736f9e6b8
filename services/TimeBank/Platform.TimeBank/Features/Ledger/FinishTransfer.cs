using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Posts or voids a pending transfer: staff who see its debit account, or the volunteer whose account it is.</summary>
internal static class FinishTransfer
{
    public static void Map(RouteGroupBuilder timebank)
    {
        timebank.MapPost("transfers/{id:guid}/post", (Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken) =>
            HandleAsync(id, post: true, caller, db, ledger, cancellationToken)).WithSummary("Post a pending transfer: the reserved minutes move.");
        timebank.MapPost("transfers/{id:guid}/void", (Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken) =>
            HandleAsync(id, post: false, caller, db, ledger, cancellationToken)).WithSummary("Void a pending transfer: the reservation is released, nothing moves.");
    }

    private static async Task<Ok<TransferResponse>> HandleAsync(
        Guid id, bool post, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var transfer = await access.FindTransferAsync(id, db, cancellationToken);
        if (!await access.MayFinishAsync(transfer, db, cancellationToken))
        {
            throw new DomainException(LedgerErrors.NotAllowed, "Only the owner of the account debited, or staff who see it, post or void a pending transfer.");
        }

        return TypedResults.Ok(TransferResponse.Of(await ledger.FinishAsync(id, post, cancellationToken)));
    }
}
