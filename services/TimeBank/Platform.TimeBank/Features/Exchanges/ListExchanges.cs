using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Exchanges;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Features.Exchanges;

/// <summary>Filters of <c>GET /api/timebank/exchanges</c>.</summary>
/// <param name="Status">open, accepted, done, confirmed, cancelled or disputed.</param>
/// <param name="Kind">offer, request or community_need.</param>
/// <param name="NodeId">Only exchanges of communities at or below this node.</param>
/// <param name="Party"><c>me</c>: only those the caller posted, provides or receives.</param>
/// <param name="Page">The 1-based page.</param>
/// <param name="PageSize">Exchanges per page (at most 100).</param>
public sealed record ExchangeQuery(
    [property: WireName(typeof(ExchangeStatus))] string? Status, [property: WireName(typeof(ExchangeKind))] string? Kind, Guid? NodeId,
    [property: AllowedValues(null, ListExchanges.Me)] string? Party, int? Page, int? PageSize);

/// <summary>The district's exchange board, newest first and paged with its total, and one exchange.</summary>
internal static class ListExchanges
{
    /// <summary>The one value <c>party</c> takes.</summary>
    public const string Me = "me";

    public static void Map(RouteGroupBuilder users)
    {
        users.MapGet("exchanges", ListAsync).WithSummary("The district's exchanges, newest first; status, kind, nodeId (its subtree) and party=me filter.");
        users.MapGet("exchanges/{id:guid}", GetAsync).WithSummary("One exchange with its audit trail.");
    }

    private static async Task<Ok<PagedResult<ExchangeResponse>>> ListAsync(
        [AsParameters] ExchangeQuery query, ClaimsPrincipal caller, TimeBankDbContext db, CancellationToken cancellationToken)
    {
        var exchanges = db.Exchanges.AsNoTracking();
        if (query.NodeId is { } nodeId)
        {
            var path = await db.TerritoryNodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(ServiceErrors.NodeNotFound, $"There is no node {nodeId}.", "nodeId");
            exchanges = exchanges.InSubtree(path);
        }

        if (query.Status is { } status)
        {
            var wanted = WireNames.Parse<ExchangeStatus>(status);
            exchanges = exchanges.Where(e => e.Status == wanted);
        }

        if (query.Kind is { } kind)
        {
            var wanted = WireNames.Parse<ExchangeKind>(kind);
            exchanges = exchanges.Where(e => e.Kind == wanted);
        }

        if (query.Party == Me)
        {
            var userId = caller.UserId();
            exchanges = exchanges.Where(e => e.PostedBy == userId || e.ProviderId == userId || e.ReceiverId == userId);
        }

        var paging = new PageRequest(query.Page, query.PageSize);
        var listed = await exchanges.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(ExchangeResponse.Of));
    }

    private static async Task<Ok<ExchangeResponse>> GetAsync(Guid id, TimeBankDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ExchangeResponse.Of(await db.Exchanges.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new DomainException(ExchangeErrors.ExchangeNotFound, $"There is no exchange {id}.")));
}
