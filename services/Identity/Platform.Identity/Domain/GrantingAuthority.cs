using Platform.Domain;
using Platform.TerritoryReplica;

namespace Platform.Identity.Domain;

/// <summary>
/// The authority of the person granting roles: their roles and territory in the district. A grant is allowed
/// only for roles at or below the granter's own and for a scope inside the granter's.
/// </summary>
public sealed record GrantingAuthority(IReadOnlyCollection<string> Roles, CallerScope Scope)
{
    /// <summary>Why a grant is refused (one of <see cref="IdentityErrors"/>, to throw or answer); null when it is allowed.</summary>
    public DomainException? Refusal(IEnumerable<string> roles, CallerScope scope)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
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
