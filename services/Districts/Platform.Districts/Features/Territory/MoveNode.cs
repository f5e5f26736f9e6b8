using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Data;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.TerritoryReplica;

namespace Platform.Districts.Features.Territory;

/// <summary>Body of <c>POST /api/territory/nodes/{id}/move</c>.</summary>
/// <param name="ParentId">The new parent; null to place a street, township or town directly under the district.</param>
public sealed record MoveNodeRequest(Guid? ParentId);

/// <summary>Moves a node with its whole subtree under another parent.</summary>
internal static class MoveNode
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapPost("nodes/{id:guid}/move", HandleAsync).WithSummary("Move a node with its whole subtree under another parent.");

    private static async Task<Ok<NodeResponse>> HandleAsync(
        Guid id,
        MoveNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        var node = await access.FindChangeableAsync(id, db, cancellationToken);
        var parent = await access.FindParentAsync(request.ParentId, db, cancellationToken);
        if (node.ParentId == parent?.Id)
        {
            return TypedResults.Ok(NodeResponse.From(node));
        }

        // The whole subtree moves with the node, through the domain's one rebase, and is saved in the same
        // transaction as the node and its event: all of it moves, or none.
        var descendants = await db.TerritoryNodes.InSubtree(n => n.Path, node.Path).Where(n => n.Id != node.Id).ToListAsync(cancellationToken);
        var (oldPath, _) = node.MoveUnder(parent, descendants);
        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(TerritoryEvents.Moved(tenant.TenantId!.Value, node, oldPath, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node));
    }
}
