using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Body of <c>POST /api/timebank/transfers/batch</c>.</summary>
/// <param name="Items">1 to 1,000 transfers, each as <c>POST /api/timebank/transfers</c> takes it, with distinct ids.</param>
public sealed record CreateTransferBatchRequest([property: Required, MinLength(1), MaxLength(CreateTransferBatch.MaxItems)] IReadOnlyList<CreateTransferRequest>? Items)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Items), Items?.Where(i => i?.Id is not null).GroupBy(i => i.Id).Any(g => g.Count() > 1) == true ? "Every item needs an id of its own." : null));
}

/// <summary>One item's outcome.</summary>
/// <param name="Transfer">The transfer.</param>
/// <param name="Created">true: written by this batch; false: a replay of the transfer written before under its id.</param>
public sealed record BatchItemResult(TransferResponse Transfer, bool Created);

/// <summary>The batch's outcome, item by item in request order.</summary>
/// <param name="Items">One per item.</param>
public sealed record TransferBatchResponse(IReadOnlyList<BatchItemResult> Items);

/// <summary>
/// Writes up to 1,000 transfers in one transaction, all or nothing: each item is idempotent by its own id exactly like a
/// single transfer (a replay answers the original), and the first refused item refuses the whole batch with its problem
/// naming the item, moving nothing. A fully replayed batch answers the same results again.
/// </summary>
internal static class CreateTransferBatch
{
    /// <summary>The most items in one batch.</summary>
    public const int MaxItems = 1_000;

    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapPost("transfers/batch", HandleAsync).WithSummary("Write up to 1,000 transfers at once, all or nothing; each idempotent by its own id.");

    private static async Task<Ok<TransferBatchResponse>> HandleAsync(
        CreateTransferBatchRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken)
    {
        var orders = request.Items!.Select(i => i.ToOrder()).ToList();
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        IReadOnlyList<TransferWrite> writes;
        try
        {
            writes = await ledger.TransferBatchAsync(orders, (order, accounts) => access.RequireMayTransfer(order.From, order.To, accounts), access.UserId, cancellationToken);
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            // Another request wrote one of the ids meanwhile: the second attempt sees it and replays or refuses it.
            db.ChangeTracker.Clear();
            writes = await ledger.TransferBatchAsync(orders, (order, accounts) => access.RequireMayTransfer(order.From, order.To, accounts), access.UserId, cancellationToken);
        }

        return TypedResults.Ok(new TransferBatchResponse([.. writes.Select(w => new BatchItemResult(TransferResponse.Of(w.Transfer), w.Created))]));
    }
}
