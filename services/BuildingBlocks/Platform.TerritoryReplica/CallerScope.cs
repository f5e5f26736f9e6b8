using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.MultiTenancy.Resolution;

namespace Platform.TerritoryReplica;

/// <summary>
/// The part of the district a caller works in: the subtree of the node named by the token's <c>territory</c>
/// claim (a street admin's street, a community worker's community), or the whole district without one.
/// Records outside it are treated as if they did not exist.
/// </summary>
/// <param name="Path">The scope node's materialised path; <see cref="TerritoryPath.Root"/> for the whole district.</param>
public sealed record CallerScope(string Path)
{
    /// <summary>The whole district.</summary>
    public static readonly CallerScope WholeDistrict = new(TerritoryPath.Root);

    // A path no node can have: a caller whose scope node is unknown sees nothing rather than everything.
    private static readonly CallerScope Nothing = new("//");

    /// <summary>Whether the scope is the whole district.</summary>
    public bool IsWholeDistrict => Path == TerritoryPath.Root;

    /// <summary>Whether a record placed at <paramref name="path"/> is inside the scope.</summary>
    public bool Sees(string path) => TerritoryPath.IsWithin(path, Path);

    /// <summary>The caller's scope, looked up in the service's territory replica.</summary>
    public static Task<CallerScope> OfAsync(ClaimsPrincipal caller, DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return OfClaimAsync(caller.FindFirstValue(TenantClaimTypes.Territory), db, cancellationToken);
    }

    /// <summary>
    /// The scope named by a <c>territory</c> claim value, for work done later on a caller's behalf (an import job
    /// keeps the uploader's claim, not their token).
    /// </summary>
    public static async Task<CallerScope> OfClaimAsync(string? claim, DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(claim))
        {
            return WholeDistrict;
        }

        if (!Guid.TryParse(claim, out var nodeId))
        {
            return Nothing;
        }

        var path = await db.Set<TerritoryReplicaNode>().Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? Nothing : new CallerScope(path);
    }
}
