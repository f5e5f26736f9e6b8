using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.MultiTenancy.Resolution;

namespace Platform.TerritoryReplica;

/// <summary>
/// The part of the district a caller works in: the subtree of the node named by the token's <c>territory</c>
/// claim (a street admin's street, a community worker's community), or the whole district without one. Records
/// outside it are treated as if they did not exist. Every service decides scope with this type, over its own
/// territory tree (the Districts service's nodes, every other service's replica).
/// </summary>
/// <remarks>
/// The one rule for a scope node that is not usable: a claim that names a retired node, a node the tree does
/// not know or no node id at all grants <see cref="Nothing"/>. Such a caller sees nothing until re-scoped; the
/// scope never falls back to the whole district, nor keeps a retired street's subtree.
/// </remarks>
/// <param name="Path">The scope node's materialised path; <see cref="TerritoryPath.Root"/> for the whole district.</param>
public sealed record CallerScope(string Path)
{
    /// <summary>The whole district.</summary>
    public static readonly CallerScope WholeDistrict = new(TerritoryPath.Root);

    /// <summary>No part of the district: a path no node can have, so nothing lies inside it.</summary>
    public static readonly CallerScope Nothing = new("//");

    /// <summary>Whether the scope is the whole district.</summary>
    public bool IsWholeDistrict => Path == TerritoryPath.Root;

    /// <summary>Whether the scope is <see cref="Nothing"/>.</summary>
    public bool IsNothing => Path == Nothing.Path;

    /// <summary>Whether a record placed at <paramref name="path"/> is inside the scope.</summary>
    public bool Sees(string path) => TerritoryPath.IsWithin(path, Path);

    /// <summary>Whether <paramref name="other"/> lies inside this scope (or is this scope); nothing lies inside <see cref="Nothing"/>.</summary>
    public bool Contains(CallerScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !IsNothing && Sees(other.Path);
    }

    /// <summary>The caller's <c>territory</c> claim, as issued (null when the token has none).</summary>
    public static string? ClaimOf(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.FindFirstValue(TenantClaimTypes.Territory);
    }

    /// <summary>The caller's scope, looked up in the service's territory replica.</summary>
    public static Task<CallerScope> OfAsync(ClaimsPrincipal caller, DbContext db, CancellationToken cancellationToken) =>
        OfClaimAsync(ClaimOf(caller), db, cancellationToken);

    /// <summary>
    /// The scope named by a <c>territory</c> claim value, looked up in the service's territory replica, for work
    /// done later on a caller's behalf (an import job keeps the uploader's claim, not their token).
    /// </summary>
    public static Task<CallerScope> OfClaimAsync(string? claim, DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OfClaimAsync(claim, ReplicaLookup(db), cancellationToken);
    }

    /// <summary>The scope named by a <c>territory</c> claim value, looked up in a tree of the service's own.</summary>
    /// <param name="claim">The claim's value; null or empty for the whole district.</param>
    /// <param name="findNode">Finds a node of the current district's tree by id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public static async Task<CallerScope> OfClaimAsync(string? claim, ScopeNodeLookup findNode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findNode);
        if (string.IsNullOrEmpty(claim))
        {
            return WholeDistrict;
        }

        return Guid.TryParse(claim, out var nodeId) ? await OfNodeAsync(nodeId, findNode, cancellationToken) ?? Nothing : Nothing;
    }

    /// <summary>
    /// The scope of node <paramref name="nodeId"/> (a scope being granted, a node a request names), or null when
    /// the tree has no such node or it is retired: a retired node grants nothing.
    /// </summary>
    public static async Task<CallerScope?> OfNodeAsync(Guid nodeId, ScopeNodeLookup findNode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findNode);
        return await findNode(nodeId, cancellationToken) is { Retired: false } node ? new CallerScope(node.Path) : null;
    }

    /// <summary>Finds nodes in the service's territory replica.</summary>
    public static ScopeNodeLookup ReplicaLookup(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (nodeId, cancellationToken) => db.Set<TerritoryReplicaNode>()
            .Where(n => n.Id == nodeId)
            .Select(n => (ScopeNode?)new ScopeNode(n.Path, n.Retired))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>What a scope needs to know of a territory node.</summary>
/// <param name="Path">The node's materialised path.</param>
/// <param name="Retired">Whether the node is retired (and so grants nothing).</param>
public readonly record struct ScopeNode(string Path, bool Retired);

/// <summary>Finds a node of the current district's territory tree by id; null when there is none.</summary>
public delegate Task<ScopeNode?> ScopeNodeLookup(Guid nodeId, CancellationToken cancellationToken);
