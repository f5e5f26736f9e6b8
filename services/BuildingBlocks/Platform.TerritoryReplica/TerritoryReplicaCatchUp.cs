using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Districts.Contracts;
using Platform.Messaging.CatchUp;
using Platform.MultiTenancy.Messaging;

namespace Platform.TerritoryReplica;

/// <summary>
/// Asks the replica's own consumer to install a snapshot of one district's tree. It travels on the consumer's
/// queue, behind the territory events already there, so the snapshot is installed between two events and
/// never while one is being applied (see <c>Platform.Districts.Contracts/CatchUp.cs</c>). Sent, never published.
/// </summary>
/// <param name="TenantId">The district whose tree to fetch.</param>
public sealed record CatchUpTerritoryReplica(Guid TenantId);

/// <summary>
/// After the tenant catalogue caught up: sends <see cref="CatchUpTerritoryReplica"/> for every district whose
/// tree differs from the replica (by <see cref="TerritoryDigest"/>), and nothing when the replica is current,
/// so a restart costs one comparison, not a download.
/// </summary>
/// <typeparam name="TContext">The service's DbContext, whose model includes the replica.</typeparam>
internal sealed partial class TerritoryReplicaCatchUp<TContext>(
    TContext db,
    ISendEndpointProvider sendEndpoints,
    IEndpointNameFormatter endpointNames,
    ILogger<TerritoryReplicaCatchUp<TContext>> logger) : ITenantCatchUpStep
    where TContext : DbContext
{
    public async Task CatchUpAsync(DistrictCatalogSnapshot catalog, CancellationToken cancellationToken)
    {
        // Every district's replica at once, across the tenant filter: this compares, it serves no caller.
        var replicas = (await db.Set<TerritoryReplicaNode>().IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(n => n.TenantId, n => n.ReplicatedState());
        var behind = catalog.Districts.Where(d => TerritoryDigest.Of(replicas[d.TenantId]) != d.TerritoryDigest).ToList();
        if (behind.Count == 0)
        {
            return;
        }

        // The receive endpoint's own exchange (which feeds only its queue): a queue: address would declare the
        // queue again, without the quorum type it was created with.
        var queue = await sendEndpoints.GetSendEndpoint(new Uri($"exchange:{endpointNames.Consumer<TerritoryReplicaConsumer<TContext>>()}"));
        foreach (var district in behind)
        {
            LogBehind(logger, district.TenantId);
            await queue.Send(
                new CatchUpTerritoryReplica(district.TenantId),
                context => context.Headers.Set(TenantMessageHeaders.TenantId, district.TenantId.ToString()),
                cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The territory replica of {TenantId} differs from the districts service's tree; catching up")]
    private static partial void LogBehind(ILogger logger, Guid tenantId);
}
