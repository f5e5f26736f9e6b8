using Platform.MultiTenancy.EntityFramework;

namespace Platform.Identity.Domain;

/// <summary>
/// A machine client (for example a property company's system) registered by a district: bound to that
/// district, to a list of allowed scopes, to roles and to a territory scope. The OpenIddict application holds
/// the hashed secret and the permissions; this row holds what the token needs beyond them.
/// </summary>
public sealed class MachineClient : ITenantOwned
{
    private MachineClient()
    {
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The OAuth <c>client_id</c>, unique across the platform.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>Name shown to administrators, e.g. the company's name.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>API scopes the client may request.</summary>
    public List<string> Scopes { get; private set; } = [];

    /// <summary>Roles the client acts with.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>The territory the client is limited to; null for the whole district.</summary>
    public Guid? ScopeNodeId { get; private set; }

    /// <summary>Who registered the client (user id).</summary>
    public Guid CreatedBy { get; private set; }

    /// <summary>When it was registered.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was revoked; a revoked client can no longer obtain tokens.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Whether the client may still obtain tokens.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>Registers a client in the current district.</summary>
    public static MachineClient Register(
        string clientId,
        string displayName,
        IReadOnlyCollection<string> scopes,
        IReadOnlyCollection<string> roles,
        Guid? scopeNodeId,
        Guid createdBy,
        DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            ClientId = clientId,
            DisplayName = displayName,
            Scopes = [.. scopes.Distinct(StringComparer.Ordinal)],
            Roles = [.. roles.Distinct(StringComparer.Ordinal)],
            ScopeNodeId = scopeNodeId,
            CreatedBy = createdBy,
            CreatedAt = now,
        };

    /// <summary>Revokes the client; revoking twice keeps the first time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
