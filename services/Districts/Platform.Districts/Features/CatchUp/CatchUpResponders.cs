using System.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;

namespace Platform.Districts.Features.CatchUp;

/// <summary>
/// Answers the requests of services catching up with the districts and their trees (the protocol is described
/// in <c>Platform.Districts.Contracts/CatchUp.cs</c>). The bus is the trust boundary here as for every event:
/// only the platform's services hold broker credentials.
/// </summary>
internal static class CatchUpResponders
{
    /// <summary>Adds the responders to the districts service's bus.</summary>
    public static IBusRegistrationConfigurator AddCatchUpResponders(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DistrictCatalogResponder>();
        bus.AddConsumer<TerritorySnapshotResponder>();
        return bus;
    }
}

/// <summary>Answers with every district and the digest of its tree.</summary>
internal sealed partial class DistrictCatalogResponder(DistrictsDbContext db, ILogger<DistrictCatalogResponder> logger) : IConsumer<DistrictCatalogRequest>
{
    public async Task Consume(ConsumeContext<DistrictCatalogRequest> context)
    {
        var cancellationToken = context.CancellationToken;
        var districts = await db.Districts.AsNoTracking().ToListAsync(cancellationToken);
        // Every district's tree at once: the digests are what lets a follower skip the trees it already has.
        var trees = (await db.TerritoryNodes.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(n => n.TenantId, n => n.ReplicatedState());
        var snapshot = new DistrictCatalogSnapshot(districts.Select(d => d.Snapshot(TerritoryDigest.Of(trees[d.Id]))).ToList());
        LogAnswered(logger, context.Message.RequestedBy, snapshot.Districts.Count);
        await context.RespondAsync(snapshot);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the {Districts} districts to {Service}, which is catching up")]
    private static partial void LogAnswered(ILogger logger, string service, int districts);
}

/// <summary>Answers with one district's tree and the ids of the events the tree already reflects.</summary>
internal sealed partial class TerritorySnapshotResponder(IServiceScopeFactory scopeFactory, ILogger<TerritorySnapshotResponder> logger)
    : IConsumer<TerritorySnapshotRequest>
{
    public async Task Consume(ConsumeContext<TerritorySnapshotRequest> context)
    {
        var cancellationToken = context.CancellationToken;
        var tenantId = context.Message.TenantId;

        // A scope of its own: the snapshot needs a repeatable-read transaction, and the consumer's context is
        // already inside the inbox's read-committed one.
        await using var scope = scopeFactory.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            await context.RespondAsync(new TerritorySnapshot(tenantId, [], []));
            return;
        }

        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "catch-up");
        var db = scope.ServiceProvider.GetRequiredService<DistrictsDbContext>();
        TerritorySnapshot snapshot;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            var nodes = await db.TerritoryNodes.AsNoTracking().OrderBy(n => n.Depth).ThenBy(n => n.Path).ToListAsync(cancellationToken);
            var included = await db.OutboxEventIdsOf(tenantId).ToListAsync(cancellationToken);
            snapshot = new TerritorySnapshot(tenantId, nodes.Select(n => n.ReplicatedState()).ToList(), included);
            await transaction.CommitAsync(cancellationToken);
        }

        LogAnswered(logger, tenantId, snapshot.Nodes.Count, snapshot.IncludedEventIds.Count);
        await context.RespondAsync(snapshot);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the tree of {TenantId} ({Nodes} nodes, {Events} events included) to a service catching up")]
    private static partial void LogAnswered(ILogger logger, Guid tenantId, int nodes, int events);
}
