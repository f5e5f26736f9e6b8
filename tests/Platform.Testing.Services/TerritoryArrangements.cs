using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.TerritoryReplica;

namespace Platform.Testing.Services;

/// <summary>
/// Arranges a service under test as the Districts service would: a district onboarded, then its tree announced node
/// by node, each step waited for until the service's tenant catalogue and territory replica have it.
/// </summary>
public static class TerritoryArrangements
{
    /// <summary>Publishes the district's onboarding and waits until the service knows the tenant.</summary>
    public static async Task OnboardAsync<TProgram, TContext>(this ServiceFixture<TProgram, TContext> fixture, TenantInfo tenant, CancellationToken cancellationToken)
        where TProgram : class
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(tenant);
        await fixture.Bus.Publish(new DistrictOnboardedIntegrationEvent { TenantId = tenant.Id, Identifier = tenant.Identifier, Name = tenant.Name }, cancellationToken);
        await fixture.WaitUntilAsync(async db => await db.Set<TenantRecord>().AnyAsync(t => t.Id == tenant.Id, cancellationToken), tenant: null);
    }

    /// <summary>Publishes <paramref name="nodes"/> of <paramref name="tenant"/>'s tree, parents first, and waits until the replica has the last.</summary>
    public static async Task PublishTreeAsync<TProgram, TContext>(
        this ServiceFixture<TProgram, TContext> fixture, TenantInfo tenant, IReadOnlyList<TerritoryNodeAddedIntegrationEvent> nodes, CancellationToken cancellationToken)
        where TProgram : class
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            await fixture.Bus.Publish(node, cancellationToken);
        }

        var last = nodes[^1].NodeId;
        await fixture.WaitUntilAsync(async db => await db.Set<TerritoryReplicaNode>().AnyAsync(n => n.Id == last, cancellationToken), tenant);
    }
}

/// <summary>Builds the events that announce a tree, parents first, as the Districts service would.</summary>
/// <param name="tenantId">The district.</param>
public sealed class TestTreeBuilder(Guid tenantId)
{
    private readonly Dictionary<Guid, string> _paths = [];

    /// <summary>The events so far, parents first.</summary>
    public List<TerritoryNodeAddedIntegrationEvent> Events { get; } = [];

    /// <summary>Adds a node under <paramref name="parent"/> (null: directly under the district).</summary>
    public TestTreeBuilder Add(Guid id, Guid? parent, TerritoryNodeKind kind, string name)
    {
        var path = TerritoryPath.Of(parent is { } p ? _paths[p] : null, id);
        _paths[id] = path;
        Events.Add(new TerritoryNodeAddedIntegrationEvent
        {
            TenantId = tenantId, NodeId = id, ParentId = parent, Kind = kind, Code = $"T{id.ToString()[^4..]}", Name = name, Path = path,
        });
        return this;
    }
}
