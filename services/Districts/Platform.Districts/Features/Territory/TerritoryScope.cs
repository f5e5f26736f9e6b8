using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.MultiTenancy.Resolution;

namespace Platform.Districts.Features.Territory;

/// <summary>
/// The part of the district's tree a caller may see: the subtree of the node named by the token's
/// <c>territory</c> claim, or the whole district without one. Changes are limited further: only editors
/// change nodes, and never the node their scope hangs from (a street admin does not rename their street).
/// </summary>
internal sealed record TerritoryScope(string Path, bool IsEditor)
{
    /// <summary>Roles that may change the tree inside their scope.</summary>
    public static readonly string[] EditorRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    // A path no node can have: a caller whose scope node is gone sees nothing rather than everything.
    private static readonly TerritoryScope Nothing = new("//", IsEditor: false);

    /// <summary>Whether the scope is the whole district.</summary>
    public bool IsWholeDistrict => Path == TerritoryPath.Root;

    /// <summary>Whether the caller can see the node at <paramref name="path"/>.</summary>
    public bool Sees(string path) => TerritoryPath.IsWithin(path, Path);

    /// <summary>Whether the caller may change the node at <paramref name="path"/>.</summary>
    public bool MayChange(string path) => IsEditor && Sees(path) && (IsWholeDistrict || path != Path);

    /// <summary>Whether the caller may place a node under the node at <paramref name="parentPath"/> (null: the district).</summary>
    public bool MayAddUnder(string? parentPath) => IsEditor && (parentPath is null ? IsWholeDistrict : Sees(parentPath));

    /// <summary>The caller's scope, looked up in the current district's tree.</summary>
    public static Task<TerritoryScope> OfAsync(ClaimsPrincipal caller, DistrictsDbContext db, CancellationToken cancellationToken) =>
        ForAsync(caller.FindFirstValue(TenantClaimTypes.Territory), EditorRoles.Any(caller.IsInRole), db, cancellationToken);

    /// <summary>The scope of the node named by a <c>territory</c> claim value (empty: the whole district).</summary>
    public static async Task<TerritoryScope> ForAsync(string? territoryClaim, bool isEditor, DistrictsDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(territoryClaim))
        {
            return new TerritoryScope(TerritoryPath.Root, isEditor);
        }

        if (!Guid.TryParse(territoryClaim, out var nodeId))
        {
            return Nothing;
        }

        var path = await db.TerritoryNodes.Where(n => n.Id == nodeId && n.RetiredAt == null).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? Nothing : new TerritoryScope(path, isEditor);
    }
}
