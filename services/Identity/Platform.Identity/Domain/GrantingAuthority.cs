using Platform.TerritoryReplica;

namespace Platform.Identity.Domain;

/// <summary>Why a grant was refused: a stable problem code and a sentence for people.</summary>
public readonly record struct GrantRefusal(string Code, string Detail);

/// <summary>
/// The authority of the person granting roles: their roles and territory in the district. A grant is allowed
/// only for roles at or below the granter's own and for a scope inside the granter's.
/// </summary>
public sealed record GrantingAuthority(IReadOnlyCollection<string> Roles, CallerScope Scope)
{
    /// <summary>Why a grant is refused; null when it is allowed.</summary>
    public GrantRefusal? Refusal(IEnumerable<string> roles, CallerScope scope)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(scope);
        var tooHigh = roles.Where(role => !PlatformRoles.CanGrant(Roles, role)).ToList();
        if (tooHigh.Count > 0)
        {
            return new GrantRefusal("identity.role_above_granter", $"You may not grant: {string.Join(", ", tooHigh)}.");
        }

        return Scope.Contains(scope)
            ? null
            : new GrantRefusal("identity.scope_outside_granter", "The territory scope lies outside your own.");
    }
}
