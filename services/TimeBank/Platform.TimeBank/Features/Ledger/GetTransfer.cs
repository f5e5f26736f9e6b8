using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>One transfer that touches an account the caller sees.</summary>
internal static class GetTransfer
{
    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapGet("transfers/{id:guid}", HandleAsync).WithSummary("One transfer touching an account the caller sees.");

    private static async Task<Ok<TransferResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(TransferResponse.Of(await access.FindTransferAsync(id, db, cancellationToken)));
    }
}
