using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Closes an empty account (district admins); a closed account takes no transfer.</summary>
internal static class CloseAccount
{
    public static void Map(RouteGroupBuilder admins) =>
        admins.MapPost("accounts/{id:guid}/close", HandleAsync).WithSummary("Close an account that holds nothing and has nothing pending.");

    private static async Task<Ok<AccountResponse>> HandleAsync(
        Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        await access.FindAccountAsync(id, db, cancellationToken);
        return TypedResults.Ok(AccountResponse.Of(await ledger.CloseAsync(id, cancellationToken)));
    }
}
