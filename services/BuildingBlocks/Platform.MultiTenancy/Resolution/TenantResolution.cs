using Microsoft.AspNetCore.Http;

namespace Platform.MultiTenancy.Resolution;

/// <summary>What one strategy found in a request.</summary>
public abstract record TenantResolution
{
    /// <summary>The request says nothing about the tenant in the way this strategy looks.</summary>
    public static TenantResolution None { get; } = new NotPresent();

    /// <summary>The request names a tenant by id.</summary>
    public static TenantResolution ById(Guid id) => new Named(id, null);

    /// <summary>The request names a tenant by identifier (slug).</summary>
    public static TenantResolution ByIdentifier(string identifier) => new Named(null, identifier);

    /// <summary>The request names a tenant in a way that must not be trusted; it is refused.</summary>
    public static TenantResolution Reject(string code, string detail) => new Rejected(code, detail);

    /// <summary>No tenant information for this strategy.</summary>
    public sealed record NotPresent : TenantResolution;

    /// <summary>A tenant named by id or identifier.</summary>
    public sealed record Named(Guid? Id, string? Identifier) : TenantResolution;

    /// <summary>The request must be refused (<c>403</c>) with a stable code.</summary>
    public sealed record Rejected(string Code, string Detail) : TenantResolution;
}

/// <summary>One way of reading the tenant from a request. Strategies are tried in a configured order.</summary>
public interface ITenantResolutionStrategy
{
    /// <summary>Short name, recorded as the tenant's source (e.g. <c>claim</c>, <c>host</c>).</summary>
    string Name { get; }

    /// <summary>Reads the request. Must not change it, except where <see cref="Apply"/> is called later.</summary>
    TenantResolution Resolve(HttpContext context);

    /// <summary>Called when this strategy's tenant is the one the request runs in; e.g. strips a path prefix.</summary>
    void Apply(HttpContext context)
    {
    }
}
