using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Body of <c>POST /api/timebank/transfers</c>.</summary>
/// <param name="Id">The client's id for the transfer: the same id with the same fields replays it.</param>
/// <param name="Purpose">volunteer_service, mutual_aid or party_service: the purpose of both accounts.</param>
/// <param name="From">The account debited.</param>
/// <param name="To">The account credited.</param>
/// <param name="Minutes">Whole minutes, at least 1.</param>
/// <param name="Memo">What it is for (not compared on a replay).</param>
/// <param name="Pending">true reserves the minutes until the transfer is posted or voided (or times out); default false.</param>
public sealed record CreateTransferRequest(Guid? Id, Purpose? Purpose, Guid? From, Guid? To, long? Minutes, string? Memo, bool? Pending) : IValidatableObject
{
    /// <summary>The most minutes one transfer moves (far above any cap: a bound for arithmetic, not a rule).</summary>
    public const long MaxMinutes = 100_000_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Id), Id is null || Id == Guid.Empty ? "A transfer id of the client's choosing is required." : null),
        (nameof(Purpose), Purpose is { } purpose && Enum.IsDefined(purpose) ? null : WireNames.Expected<Purpose>()),
        (nameof(From), From is null ? "The account debited is required." : null),
        (nameof(To), To is null ? "The account credited is required." : null),
        (nameof(Minutes), Minutes is null or < 1 or > MaxMinutes ? $"Whole minutes from 1 to {MaxMinutes}." : null),
        (nameof(Memo), Transfer.MemoProblem(Memo)));

    /// <summary>The order the request asks for.</summary>
    public TransferOrder ToOrder() => new(Id!.Value, Purpose!.Value, From!.Value, To!.Value, Minutes!.Value, Memo, Pending ?? false);
}

/// <summary>
/// Writes a transfer (201), or replays the one written under its id (200); staff move minutes between accounts they
/// see, a volunteer from their own account to any account of the district.
/// </summary>
internal static class CreateTransfer
{
    public static void Map(RouteGroupBuilder timebank) =>
        timebank.MapPost("transfers", HandleAsync).WithSummary("Move whole minutes between two accounts of one purpose, posted or pending; idempotent by the client's id.");

    private static async Task<Results<Created<TransferResponse>, Ok<TransferResponse>>> HandleAsync(
        CreateTransferRequest request, ClaimsPrincipal caller, TimeBankDbContext db, LedgerWriter ledger, CancellationToken cancellationToken)
    {
        var order = request.ToOrder();
        var access = await LedgerAccess.OfAsync(caller, db, cancellationToken);
        await access.RequireMayTransferAsync(order.From, order.To, db, cancellationToken);
        var write = await ledger.TransferAsync(order, access.UserId, cancellationToken);
        var response = TransferResponse.Of(write.Transfer);
        return write.Created ? TypedResults.Created($"/api/timebank/transfers/{order.Id}", response) : TypedResults.Ok(response);
    }
}
