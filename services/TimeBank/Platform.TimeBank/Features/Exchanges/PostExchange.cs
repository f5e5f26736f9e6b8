using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Exchanges;

/// <summary>Body of <c>POST /api/timebank/exchanges</c>.</summary>
/// <param name="Kind">offer (the caller helps), request (the caller asks for help and pays) or community_need (staff: the community fund pays).</param>
/// <param name="Category">companionship, errands, repairs, care, tutoring or other.</param>
/// <param name="Description">What is offered or needed.</param>
/// <param name="Minutes">What it is worth, whole mutual-aid minutes from 1 to 1,440.</param>
/// <param name="NodeId">The community it belongs to.</param>
public sealed record PostExchangeRequest(ExchangeKind? Kind, ExchangeCategory? Category, string? Description, long? Minutes, Guid? NodeId) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Kind), Kind is { } kind && Enum.IsDefined(kind) ? null : WireNames.Expected<ExchangeKind>()),
        (nameof(Category), Category is { } category && Enum.IsDefined(category) ? null : WireNames.Expected<ExchangeCategory>()),
        (nameof(Description), Exchange.DescriptionProblem(Description)),
        (nameof(Minutes), Exchange.MinutesProblem(Minutes)),
        (nameof(NodeId), NodeId is null ? "The community the exchange belongs to." : null));
}

/// <summary>
/// Posts an offer or a request (any member), or a community need (staff whose area holds the community), in a community
/// of the district.
/// </summary>
internal static class PostExchange
{
    public static void Map(RouteGroupBuilder users) =>
        users.MapPost("exchanges", HandleAsync).WithSummary("Post an offer of help, a request for help, or (staff) a community need paid from the community fund.");

    private static async Task<Created<ExchangeResponse>> HandleAsync(
        PostExchangeRequest request, ClaimsPrincipal caller, TimeBankDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var nodeId = request.NodeId!.Value;
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, cancellationToken);
        if (node is not { Kind: TerritoryNodeKind.Community or TerritoryNodeKind.Village, Retired: false })
        {
            throw new DomainException(LedgerErrors.CommunityNotFound, $"There is no community {nodeId}.", "nodeId");
        }

        var kind = request.Kind!.Value;
        if (kind == ExchangeKind.CommunityNeed && !await ExchangeEndpoints.CoordinatesAsync(caller, node.Path, db, cancellationToken))
        {
            throw new DomainException(ExchangeErrors.NotAParty, "Only staff whose area holds the community post its needs.");
        }

        var exchange = Exchange.Post(kind, request.Category!.Value, request.Description!, request.Minutes!.Value, nodeId, node.Path, caller.UserId()!, clock.GetUtcNow());
        db.Exchanges.Add(exchange);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/timebank/exchanges/{exchange.Id}", ExchangeResponse.Of(exchange));
    }
}
