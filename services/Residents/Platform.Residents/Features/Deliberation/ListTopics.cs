using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>The filters of the topic list; a status is read by its wire name (<c>on_agenda</c>).</summary>
public sealed record TopicQuery(Guid? Node, [property: WireName(typeof(TopicStatus))] string? Status, int? Page, int? PageSize);

/// <summary>The topics the caller may see, newest first, paged and filtered.</summary>
internal static class ListTopics
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapGet("", HandleAsync).WithSummary(
            "Topics newest first, paged: the whole district for a resident, a worker's scope. Filters: node (its subtree), status.");

    private static async Task<Ok<PagedResult<TopicResponse>>> HandleAsync(
        [AsParameters] TopicQuery query, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var topics = await TopicAccess.VisibleAsync(caller, db, cancellationToken);
        if (query.Node is { } nodeId)
        {
            var path = await db.TerritoryNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
            topics = topics.InSubtree(path ?? "//");
        }

        if (query.Status is not null)
        {
            var status = WireNames.Parse<TopicStatus>(query.Status);
            topics = topics.Where(t => t.Status == status);
        }

        var page = await topics.AsSingleQuery().OrderByDescending(t => t.RaisedAt).ThenByDescending(t => t.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(t => TopicResponse.From(t, withHistory: false)));
    }
}
