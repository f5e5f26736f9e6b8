namespace Platform.MultiTenancy.Resolution;

/// <summary>How requests are mapped to tenants.</summary>
public sealed class TenantResolutionOptions
{
    /// <summary>
    /// Strategies in the order they are tried. The first that names a tenant decides; any later strategy that
    /// names a different tenant makes the request fail with <c>403 tenant_mismatch</c>. The default puts the
    /// token first, as the architecture requires.
    /// </summary>
    public IList<Type> Strategies { get; } =
    [
        typeof(ClaimTenantStrategy),
        typeof(HeaderTenantStrategy),
        typeof(HostTenantStrategy),
        typeof(PathTenantStrategy),
    ];

    /// <summary>Base domains for <see cref="HostTenantStrategy"/>, e.g. <c>gongzhi.cn</c> for <c>chaoyang.gongzhi.cn</c>.</summary>
    public IList<string> HostDomains { get; } = [];
}
