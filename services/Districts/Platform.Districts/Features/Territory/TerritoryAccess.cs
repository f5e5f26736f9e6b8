using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.TerritoryReplica;

namespace Platform.Districts.Features.Territory;

/// <summary>
/// What a caller may do with the district's tree: see the nodes inside their <see cref="CallerScope"/> (the
/// platform's one scope, looked up in this service's own tree) and, for editors, change them, but never the node
/// their scope hangs from (a street admin does not rename their street).
/// </summary>
internal sealed record TerritoryAccess(CallerScope Scope, bool IsEditor)
{
    /// <summary>Roles that may change the tree inside their scope.</summary>
    public static readonly string[] EditorRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>Whether the caller can see the node at <paramref name="path"/>.</summary>
    public bool Sees(string path) => Scope.Sees(path);

    /// <summary>Whether the caller may change the node at <paramref name="path"/>.</summary>
    public bool MayChange(string path) => IsEditor && Sees(path) && (Scope.IsWholeDistrict || path != Scope.Path);

    /// <summary>Whether the caller may place a node under the node at <paramref name="parentPath"/> (null: the district).</summary>
    public bool MayAddUnder(string? parentPath) => IsEditor && (parentPath is null ? Scope.IsWholeDistrict : Sees(parentPath));

    /// <summary>The caller's access, their scope looked up in the current district's tree.</summary>
    public static Task<TerritoryAccess> OfAsync(ClaimsPrincipal caller, DistrictsDbContext db, CancellationToken cancellationToken) =>
        ForClaimAsync(CallerScope.ClaimOf(caller), EditorRoles.Any(caller.IsInRole), db, cancellationToken);

    /// <summary>The access of a <c>territory</c> claim value (an import job keeps the uploader's claim).</summary>
    public static async Task<TerritoryAccess> ForClaimAsync(string? territoryClaim, bool isEditor, DistrictsDbContext db, CancellationToken cancellationToken) =>
        new(await CallerScope.OfClaimAsync(territoryClaim, ScopeNodes(db), cancellationToken), isEditor);

    /// <summary>The nodes visible to the caller, retired ones only when asked for.</summary>
    public IQueryable<TerritoryNode> Visible(DistrictsDbContext db, bool? includeRetired)
    {
        var nodes = db.TerritoryNodes.AsNoTracking().InSubtree(n => n.Path, Scope.Path);
        return includeRetired == true ? nodes : nodes.Where(n => n.RetiredAt == null);
    }

    /// <summary>The node <paramref name="id"/> for reading; a node the caller cannot see is not found.</summary>
    /// <exception cref="TerritoryRuleException">No such node in the caller's scope.</exception>
    public async Task<TerritoryNode> FindVisibleAsync(Guid id, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is not null && Sees(node.Path) ? node : throw NotFound(id);
    }

    /// <summary>The node <paramref name="id"/>, tracked for a change the caller may make.</summary>
    /// <exception cref="TerritoryRuleException">No such node in the caller's scope, or the caller may not change it.</exception>
    public async Task<TerritoryNode> FindChangeableAsync(Guid id, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is null || !Sees(node.Path) ? throw NotFound(id)
            : !MayChange(node.Path) ? throw OutsideScope()
            : node;
    }

    /// <summary>The parent a node is to be placed under (null: the district), tracked, if the caller may place nodes there.</summary>
    /// <exception cref="TerritoryRuleException">No such parent in the caller's scope, or the caller may not add there.</exception>
    public async Task<TerritoryNode?> FindParentAsync(Guid? parentId, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        TerritoryNode? parent = null;
        if (parentId is { } id)
        {
            parent = await db.TerritoryNodes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
            if (parent is null || !Sees(parent.Path))
            {
                throw NotFound(id);
            }
        }

        return MayAddUnder(parent?.Path) ? parent : throw OutsideScope();
    }

    private static ScopeNodeLookup ScopeNodes(DistrictsDbContext db) => (nodeId, cancellationToken) => db.TerritoryNodes
        .Where(n => n.Id == nodeId)
        .Select(n => (ScopeNode?)new ScopeNode(n.Path, n.RetiredAt != null))
        .SingleOrDefaultAsync(cancellationToken);

    private static TerritoryRuleException NotFound(Guid id) => new(TerritoryErrors.NodeNotFound, $"There is no node {id} in your territory.");

    private static TerritoryRuleException OutsideScope() => new(TerritoryErrors.OutsideScope, "Your role and territory do not allow this change.");
}
