using Platform.Districts.Contracts;
using Platform.Domain;

namespace Platform.Identity.Domain;

/// <summary>
/// A part of a district's territory given as a materialised path (<c>/{streetId}/{communityId}/</c>);
/// <see cref="WholeDistrict"/> is the root path <c>/</c>. Scope A contains scope B exactly when B's path starts
/// with A's.
/// </summary>
public readonly record struct TerritoryScope(Guid? NodeId, string Path)
{
    /// <summary>The whole district.</summary>
    public static TerritoryScope WholeDistrict { get; } = new(null, TerritoryPath.Root);

    /// <summary>Whether <paramref name="other"/> lies inside this scope (or is this scope).</summary>
    public bool Contains(TerritoryScope other) => TerritoryPath.IsWithin(other.Path, Path);
}

/// <summary>
/// The authority of the person granting roles: their roles and territory in the district. A grant is allowed
/// only for roles at or below the granter's own and for a scope inside the granter's.
/// </summary>
public sealed record GrantingAuthority(IReadOnlyCollection<string> Roles, TerritoryScope Scope)
{
    /// <summary>Why a grant is refused (one of <see cref="IdentityErrors"/>, to throw or answer); null when it is allowed.</summary>
    public DomainException? Refusal(IEnumerable<string> roles, TerritoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var tooHigh = roles.Where(role => !PlatformRoles.CanGrant(Roles, role)).ToList();
        if (tooHigh.Count > 0)
        {
            return new DomainException(IdentityErrors.RoleAboveGranter, $"You may not grant: {string.Join(", ", tooHigh)}.");
        }

        return Scope.Contains(scope)
            ? null
            : new DomainException(IdentityErrors.ScopeOutsideGranter, "The territory scope lies outside your own.");
    }
}
