using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Exchanges;

/// <summary>Body of <c>POST /api/timebank/exchanges/{id}/dispute</c>.</summary>
/// <param name="Reason">What went wrong.</param>
public sealed record DisputeExchangeRequest([property: Required, StringLength(Exchange.NoteMaxLength, MinimumLength = 1)] string? Reason);

/// <summary>Body of <c>POST /api/timebank/exchanges/{id}/settle</c>.</summary>
/// <param name="PayProvider">true: the provider is paid (the reservation is posted); false: nothing moves (it is voided).</param>
/// <param name="Note">The coordinator's reasons.</param>
public sealed record SettleExchangeRequest([property: Required] bool? PayProvider, [property: StringLength(Exchange.NoteMaxLength)] string? Note);

/// <summary>
/// The steps after acceptance, each under the exchange's row lock and, where the payment moves, in the same transaction
/// as the ledger: the provider marks it done; the receiver confirms (a coordinator approves a need), which posts the
/// payment; a party or coordinator cancels, which voids it; a party disputes and a coordinator settles.
/// </summary>
internal static class ExchangeSteps
{
    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("exchanges/{id:guid}/done", (Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, caller, db, ledger, clock, (exchange, userId, _, now) => { exchange.MarkDone(userId, now); return Payment.None; }, cancellationToken))
            .WithSummary("The provider says the help was given.");
        users.MapPost("exchanges/{id:guid}/confirm", (Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, caller, db, ledger, clock, (exchange, userId, coordinates, now) => { exchange.Confirm(userId, coordinates, now); return Payment.Post; }, cancellationToken))
            .WithSummary("The receiver confirms the help (a coordinator approves a community need); the provider is paid.");
        users.MapPost("exchanges/{id:guid}/cancel", (Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, caller, db, ledger, clock, (exchange, userId, coordinates, now) => exchange.Cancel(userId, coordinates, now) ? Payment.Void : Payment.None, cancellationToken))
            .WithSummary("Cancel an open or accepted exchange; a reserved payment is released.");
        users.MapPost("exchanges/{id:guid}/dispute", (Guid id, DisputeExchangeRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, caller, db, ledger, clock, (exchange, userId, _, now) => { exchange.Dispute(userId, request.Reason!, now); return Payment.None; }, cancellationToken))
            .WithSummary("A party disputes an accepted or done exchange; the community's coordinator settles it.");
        users.MapPost("exchanges/{id:guid}/settle", (Guid id, SettleExchangeRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, caller, db, ledger, clock, (exchange, userId, coordinates, now) =>
                {
                    exchange.Settle(userId, coordinates, request.PayProvider!.Value, request.Note, now);
                    return request.PayProvider!.Value ? Payment.Post : Payment.Void;
                }, cancellationToken))
            .WithSummary("A coordinator of the community settles a dispute: pay the provider or release the payment.");
    }

    private enum Payment
    {
        None,
        Post,
        Void,
    }

    private static async Task<Ok<ExchangeResponse>> StepAsync(
        Guid id, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, TimeProvider clock,
        Func<Exchange, string, bool, DateTimeOffset, Payment> step, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exchange = await ExchangeEndpoints.LockAsync(id, db, cancellationToken);
        var coordinates = await ExchangeEndpoints.CoordinatesAsync(caller, exchange.NodePath, db, cancellationToken);
        switch (step(exchange, caller.UserId()!, coordinates, clock.GetUtcNow()))
        {
            case Payment.Post:
                await ledger.FinishWithinAsync(exchange.Id, post: true, cancellationToken);
                break;
            case Payment.Void:
                await ledger.VoidIfPendingWithinAsync(exchange.Id, cancellationToken);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ExchangeResponse.Of(exchange));
    }
}
