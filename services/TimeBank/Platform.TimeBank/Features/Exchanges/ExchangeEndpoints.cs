using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Exchanges;

/// <summary>An exchange as the API shows it, with its audit trail.</summary>
/// <param name="Id">Its id, also the id of its payment's ledger transfer.</param>
/// <param name="Kind">offer, request or community_need.</param>
/// <param name="Category">companionship, errands, repairs, care, tutoring or other.</param>
/// <param name="Description">What is offered or needed.</param>
/// <param name="Minutes">What it is worth, in mutual-aid minutes.</param>
/// <param name="NodeId">The community it belongs to.</param>
/// <param name="Status">open, accepted, done, confirmed, cancelled or disputed.</param>
/// <param name="PostedBy">Who posted it.</param>
/// <param name="ProviderId">Who gives the help.</param>
/// <param name="ReceiverId">Who receives it and pays (null for a community need: the fund pays).</param>
/// <param name="PayerAccountId">The account that pays, once accepted.</param>
/// <param name="PayeeAccountId">The provider's account, once accepted.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="DoneAt">When the provider said it was done.</param>
/// <param name="DisputedBy">Who disputed it.</param>
/// <param name="DisputeReason">Why.</param>
/// <param name="FinishedBy">Who confirmed, approved, settled or cancelled it.</param>
/// <param name="ResolutionNote">The coordinator's note on a settled dispute.</param>
/// <param name="FinishedAt">When it was confirmed or cancelled.</param>
public sealed record ExchangeResponse(
    Guid Id, ExchangeKind Kind, ExchangeCategory Category, string Description, long Minutes, Guid NodeId, ExchangeStatus Status, string PostedBy,
    string? ProviderId, string? ReceiverId, Guid? PayerAccountId, Guid? PayeeAccountId, DateTimeOffset CreatedAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? DoneAt, string? DisputedBy, string? DisputeReason, string? FinishedBy, string? ResolutionNote, DateTimeOffset? FinishedAt)
{
    public static ExchangeResponse Of(Exchange e) => new(
        e.Id, e.Kind, e.Category, e.Description, e.Minutes, e.NodeId, e.Status, e.PostedBy, e.ProviderId, e.ReceiverId, e.PayerAccountId, e.PayeeAccountId,
        e.CreatedAt, e.AcceptedAt, e.DoneAt, e.DisputedBy, e.DisputeReason, e.FinishedBy, e.ResolutionNote, e.FinishedAt);
}

/// <summary>
/// Exchanges between neighbours (互助) and community needs, paid in mutual-aid minutes through the ledger: every member
/// of the district sees the board and takes part; staff whose area holds an exchange's community are its coordinators
/// (they post and approve needs, settle disputes). Another district's exchange answers 404.
/// </summary>
internal static class ExchangeEndpoints
{
    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/timebank").RequireTenant().RequireAuthorization(LedgerEndpoints.UsersPolicy).WithTags("Exchanges");
        PostExchange.Map(users);
        ListExchanges.Map(users);
        AcceptExchange.Map(users);
        ExchangeSteps.Map(users);
        return endpoints;
    }

    /// <summary>Whether the caller coordinates exchanges at <paramref name="nodePath"/>: staff whose area holds it.</summary>
    public static async Task<bool> CoordinatesAsync(ClaimsPrincipal caller, string nodePath, TimeBankDbContext db, CancellationToken cancellationToken) =>
        LedgerAccess.StaffRoles.Any(caller.IsInRole) && (await CallerScope.OfAsync(caller, db, cancellationToken)).Sees(nodePath);

    /// <summary>
    /// Exchange <paramref name="id"/> of the current district, tracked, its row locked in the current transaction so that
    /// two steps of one exchange queue up.
    /// </summary>
    public static async Task<Exchange> LockAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM exchanges WHERE "TenantId" = {tenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
        return await db.Exchanges.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new DomainException(ExchangeErrors.ExchangeNotFound, $"There is no exchange {id}.");
    }
}
