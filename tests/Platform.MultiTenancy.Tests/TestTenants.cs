using Platform.MultiTenancy.Storage;

namespace Platform.MultiTenancy.Tests;

/// <summary>Tenants used across the tests, and a store that knows exactly them.</summary>
internal static class TestTenants
{
    public static readonly TenantInfo Chaoyang = Create("chaoyang", "朝阳区");
    public static readonly TenantInfo Mentougou = Create("mentougou", "门头沟区");
    public static readonly TenantInfo Suspended = Create("fengtai", "丰台区") with { Status = TenantStatus.Suspended };

    public static TenantInfo Create(string identifier, string name) =>
        new(Guid.NewGuid(), identifier, name, TenantStatus.Active, new Dictionary<string, string>());

    public sealed class Store : ITenantStore
    {
        private readonly TenantInfo[] _tenants = [Chaoyang, Mentougou, Suspended];

        public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_tenants.SingleOrDefault(t => t.Id == id));

        public ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_tenants.SingleOrDefault(t => string.Equals(t.Identifier, identifier, StringComparison.OrdinalIgnoreCase)));
    }
}
