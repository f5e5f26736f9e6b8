using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Clearing;

/// <summary>This district's side of a clearing transfer, for the user whose minutes move or a district admin.</summary>
internal static class GetClearingTransfer
{
    public static void Map(RouteGroupBuilder clearing) =>
        clearing.MapGet("transfers/{id:guid}", HandleAsync).WithSummary("Where a clearing transfer stands here: pending, completed or rejected with the reason.");

    private static async Task<Ok<ClearingTransferResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        var transfer = await db.ClearingTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return transfer is not null && (transfer.UserId == access.UserId || access.IsDistrictAdmin)
            ? TypedResults.Ok(ClearingTransferResponse.Of(transfer))
            : throw new DomainException(ClearingErrors.ClearingTransferNotFound, $"There is no clearing transfer {id}.");
    }
}
