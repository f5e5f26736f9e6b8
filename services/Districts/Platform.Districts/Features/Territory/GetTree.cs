using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Districts.Features.Territory;

/// <summary>A node with its children, as far down as the tree request asked.</summary>
public sealed record TreeNode(Guid Id, TerritoryNodeKind Kind, string Code, string Name, string Status, NodeAttributes Attributes, IReadOnlyList<TreeNode> Children);

/// <summary>Answer of <c>GET /api/territory/tree</c>.</summary>
/// <param name="RootId">The node the tree hangs from; null for the district itself.</param>
/// <param name="Depth">How many levels below the root are included.</param>
/// <param name="Nodes">The root's children (each with its own children, down to <paramref name="Depth"/>).</param>
public sealed record TreeResponse(Guid? RootId, int Depth, IReadOnlyList<TreeNode> Nodes);

/// <summary>The subtree under a node (default: the caller's scope), a few levels down.</summary>
internal static class GetTree
{
    /// <summary>The most nodes one tree request returns; beyond it the caller narrows the root or the depth.</summary>
    public const int MaxTreeNodes = 10_000;

    private const int MaxTreeDepth = 8;

    public static void Map(RouteGroupBuilder territory) =>
        territory.MapGet("tree", HandleAsync).WithSummary("The subtree under a node (default: the caller's scope), down to the given depth (default 1, at most 8).");

    private static async Task<Results<Ok<TreeResponse>, ValidationProblem>> HandleAsync(
        Guid? root,
        int? depth,
        bool? includeRetired,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        CancellationToken cancellationToken)
    {
        var levels = depth ?? 1;
        if (levels is < 1 or > MaxTreeDepth)
        {
            // Checked here: request validation skips query parameters of nullable value types.
            return ProblemResults.Validation("depth", $"From 1 to {MaxTreeDepth}.");
        }

        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        Guid? rootId;
        string rootPath;
        if (root is { } id)
        {
            rootId = id;
            rootPath = (await access.FindVisibleAsync(id, db, cancellationToken)).Path;
        }
        else
        {
            rootPath = access.Scope.Path;
            rootId = access.Scope.IsWholeDistrict ? null : await db.TerritoryNodes.Where(n => n.Path == rootPath).Select(n => (Guid?)n.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var maxDepth = TerritoryPath.DepthOf(rootPath) + levels;
        // Only the columns the answer shows: a street's subtree is thousands of rows.
        var nodes = await access.Visible(db, includeRetired)
            .InSubtree(n => n.Path, rootPath)
            .Where(n => n.Path != rootPath && n.Depth <= maxDepth)
            .OrderBy(n => n.Code)
            .Take(MaxTreeNodes + 1)
            .Select(n => new
            {
                n.Id,
                n.ParentId,
                n.Kind,
                n.Code,
                n.Name,
                Retired = n.RetiredAt != null,
                Attributes = new NodeAttributes(n.CommunityKind, n.GovernanceMode, n.Households, n.FloorArea, n.Latitude, n.Longitude),
            })
            .ToListAsync(cancellationToken);
        if (nodes.Count > MaxTreeNodes)
        {
            throw new TerritoryRuleException(TerritoryErrors.TreeTooLarge, $"More than {MaxTreeNodes} nodes; choose a lower root or a smaller depth.");
        }

        var byParent = nodes.ToLookup(n => n.ParentId);
        IReadOnlyList<TreeNode> Build(Guid? parentId) => [.. byParent[parentId].Select(n => new TreeNode(
            n.Id, n.Kind, n.Code, n.Name, n.Retired ? "retired" : "active", n.Attributes, Build(n.Id)))];
        return TypedResults.Ok(new TreeResponse(rootId, levels, Build(rootId)));
    }
}
