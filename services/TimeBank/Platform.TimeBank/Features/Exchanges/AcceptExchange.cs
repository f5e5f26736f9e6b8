using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Exchanges;

/// <summary>
/// Accepts an open exchange: the payer's mutual-aid minutes (the receiver's, or the community fund's for a need) are
/// reserved for the provider by a pending transfer under the exchange's id, in the same transaction, so an exchange the
/// payer cannot afford is refused (409 <c>timebank.insufficient_balance</c>) and stays open. Accounts open when first needed.
/// </summary>
internal static class AcceptExchange
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("exchanges/{id:guid}/accept", HandleAsync).WithSummary("Accept an open offer, request or need; the payment is reserved until confirmed or cancelled.");

    private static async Task<Ok<ExchangeResponse>> HandleAsync(
        Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exchange = await ExchangeEndpoints.LockAsync(id, db, cancellationToken);
        var userId = caller.UserId()!;
        var now = clock.GetUtcNow();
        var (provider, receiver) = exchange.PartiesIfAcceptedBy(userId);
        var (payer, _) = await ledger.FindOrOpenAsync(
            receiver is null ? Account.FundOf(exchange.NodeId, exchange.NodePath, Purpose.MutualAid, now) : Account.OfVolunteer(receiver, Purpose.MutualAid, now),
            cancellationToken);
        var (payee, _) = await ledger.FindOrOpenAsync(Account.OfVolunteer(provider, Purpose.MutualAid, now), cancellationToken);
        await ledger.WriteAsync(exchange.Accept(userId, payer, payee, now), userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ExchangeResponse.Of(exchange));
    }
}
