namespace Platform.MultiTenancy;

/// <summary>Whether a tenant (district) may use the platform.</summary>
public enum TenantStatus
{
    /// <summary>Requests are served.</summary>
    Active = 0,

    /// <summary>Every service refuses the tenant's requests with <c>403 tenant_suspended</c>; data is kept.</summary>
    Suspended = 1,
}

/// <summary>
/// A tenant as every service sees it: a district, or the platform operators' <see cref="System"/> tenant.
/// The Districts service owns these facts; other services keep a copy fed by its events.
/// </summary>
/// <param name="Id">Immutable id, carried in tokens as <c>tenant_id</c> and stamped on every tenant-owned row.</param>
/// <param name="Identifier">URL-safe slug such as <c>chaoyang</c>, used in host names and <c>/t/{identifier}/</c> paths.</param>
/// <param name="Name">Display name such as 朝阳区.</param>
/// <param name="Status">Whether requests are served.</param>
/// <param name="Settings">Per-tenant labels and rule-pack settings.</param>
public sealed record TenantInfo(
    Guid Id,
    string Identifier,
    string Name,
    TenantStatus Status,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Identifier of the platform operators' tenant, which manages districts.</summary>
    public const string SystemIdentifier = "system";

    /// <summary>The platform operators' tenant. It exists in every service without being onboarded.</summary>
    public static TenantInfo System { get; } = new(
        new Guid("00000000-0000-0000-0000-000000000001"),
        SystemIdentifier,
        "平台运营",
        TenantStatus.Active,
        new Dictionary<string, string>());

    /// <summary>True when the tenant's requests are served.</summary>
    public bool IsActive => Status == TenantStatus.Active;
}
