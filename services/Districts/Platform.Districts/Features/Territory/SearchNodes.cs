using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Districts.Features.Territory;

/// <summary>Searches the caller's nodes by part of the name or code, optionally of one kind, paged.</summary>
internal static class SearchNodes
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapGet("nodes", HandleAsync).WithSummary("Search nodes by part of the name or code, optionally of one kind, paged.");

    private static async Task<Results<Ok<PagedResult<NodeResponse>>, ValidationProblem>> HandleAsync(
        string? q,
        string? kind,
        bool? includeRetired,
        int? page,
        int? pageSize,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        var nodes = access.Visible(db, includeRetired);
        if (!string.IsNullOrEmpty(kind))
        {
            // Read once, here: the kind may be given in English or Chinese (街道), which request validation cannot parse into the kind.
            if (!TerritoryVocabulary.TryParseKind(kind, out var wanted))
            {
                return ProblemResults.Validation("kind", $"One of {TerritoryVocabulary.KindNames}.");
            }

            nodes = nodes.Where(n => n.Kind == wanted);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = SqlLike.Containing(q);
            nodes = nodes.Where(n => EF.Functions.ILike(n.Name, pattern) || EF.Functions.ILike(n.Code, pattern));
        }

        var listed = await nodes.OrderBy(n => n.Depth).ThenBy(n => n.Name).ThenBy(n => n.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(NodeResponse.From));
    }
}
