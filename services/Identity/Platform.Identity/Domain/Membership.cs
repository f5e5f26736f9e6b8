using Platform.MultiTenancy.EntityFramework;

namespace Platform.Identity.Domain;

/// <summary>
/// What one user is in one district: the roles held there and the part of the territory they apply to.
/// A user has at most one membership per district; several districts mean several memberships.
/// </summary>
public sealed class Membership : ITenantOwned
{
    private Membership()
    {
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The member.</summary>
    public Guid UserId { get; private set; }

    /// <summary>Roles held in this district; never empty.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>The territory node the roles apply to (and everything under it); null means the whole district.</summary>
    public Guid? ScopeNodeId { get; private set; }

    /// <summary>When the membership was granted.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the roles or scope last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Grants a membership in the current district. The caller has checked the granter's authority.</summary>
    public static Membership Grant(Guid userId, IReadOnlyCollection<string> roles, Guid? scopeNodeId, DateTimeOffset now)
    {
        var membership = new Membership { Id = Guid.CreateVersion7(now), UserId = userId, CreatedAt = now };
        membership.Change(roles, scopeNodeId, now);
        return membership;
    }

    /// <summary>Replaces the roles and scope.</summary>
    public void Change(IReadOnlyCollection<string> roles, Guid? scopeNodeId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0)
        {
            throw new ArgumentException("A membership holds at least one role.", nameof(roles));
        }

        Roles = [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ScopeNodeId = scopeNodeId;
        UpdatedAt = now;
    }
}
