using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>One account with its balance, pending, available and earned minutes and star level.</summary>
internal static class GetAccount
{
    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapGet("accounts/{id:guid}", HandleAsync).WithSummary("One account the caller sees, with balance, pending, available and earned minutes and star level.");

    private static async Task<Ok<AccountResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(AccountResponse.Of(await access.FindAccountAsync(id, db, cancellationToken)));
    }
}
