using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Districts.Contracts;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.TerritoryReplica;

/// <summary>
/// Keeps a service's territory replica current from the Districts service's events, and installs a snapshot of
/// a district's tree when the replica has to catch up (<see cref="CatchUpTerritoryReplica"/>). It runs inside the
/// message's district (the platform's consume filter enters it), so every query here sees that district only,
/// and one message at a time, in order, so a snapshot is installed between two events.
/// </summary>
/// <typeparam name="TContext">The service's DbContext, whose model includes <see cref="TerritoryReplicaModel.ApplyTerritoryReplica"/>.</typeparam>
public sealed class TerritoryReplicaConsumer<TContext>(
    TContext db,
    IEnumerable<ISubtreeMoveHandler> moveHandlers,
    IRequestClient<TerritorySnapshotRequest> snapshots,
    IOptions<MessagingOptions> options,
    TimeProvider clock) :
    IConsumer<TerritoryNodeAddedIntegrationEvent>,
    IConsumer<TerritoryNodeRenamedIntegrationEvent>,
    IConsumer<TerritoryNodeMovedIntegrationEvent>,
    IConsumer<TerritoryNodeRetiredIntegrationEvent>,
    IConsumer<CatchUpTerritoryReplica>
    where TContext : DbContext
{
    private DbSet<TerritoryReplicaNode> Nodes => db.Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeAddedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = context.Message;
        // An event delivered again overwrites the row in place rather than loading it: rows replicated before the
        // replica carried kinds and names have none to load.
        var updated = await Nodes.Where(n => n.Id == added.NodeId).ExecuteUpdateAsync(
            set => set
                .SetProperty(n => n.ParentId, added.ParentId)
                .SetProperty(n => n.Kind, added.Kind)
                .SetProperty(n => n.Code, added.Code)
                .SetProperty(n => n.Name, added.Name)
                .SetProperty(n => n.Path, added.Path),
            context.CancellationToken);
        if (updated == 0)
        {
            Nodes.Add(new TerritoryReplicaNode
            {
                Id = added.NodeId, ParentId = added.ParentId, Kind = added.Kind, Code = added.Code, Name = added.Name, Path = added.Path,
            });
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeRenamedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var renamed = context.Message;
        await Nodes.Where(n => n.Id == renamed.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Name, renamed.Name), context.CancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeMovedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var moved = context.Message;
        // Both statements commit together: the platform's inbox runs each message in one transaction.
        await Nodes.Where(n => n.Id == moved.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ParentId, moved.ParentId), context.CancellationToken);
        // The whole subtree moves: one statement rewrites every path under the old one.
        await Nodes.RebaseSubtreeAsync(n => n.Path, moved.OldPath, moved.NewPath, context.CancellationToken);
        foreach (var handler in moveHandlers)
        {
            await handler.MoveSubtreeAsync(moved.OldPath, moved.NewPath, context.CancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeRetiredIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Nodes.Where(n => n.Id == context.Message.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Retired, true), context.CancellationToken);
    }

    /// <summary>
    /// Installs the district's tree as the Districts service has it now, in the inbox's transaction: every node
    /// takes the snapshot's state, this service's records follow the nodes that moved, and the events the
    /// snapshot already contains are recorded as applied, so their delivery after this point changes nothing.
    /// </summary>
    public async Task Consume(ConsumeContext<CatchUpTerritoryReplica> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var response = await snapshots.GetResponse<TerritorySnapshot>(
            new TerritorySnapshotRequest(context.Message.TenantId), cancellationToken, options.Value.CatchUpTimeout);
        var snapshot = response.Message;

        var replica = await Nodes.ToDictionaryAsync(n => n.Id, cancellationToken);
        var added = new List<TerritoryReplicaNode>();
        var moves = new List<(string OldPath, string NewPath)>();
        foreach (var state in snapshot.Nodes)
        {
            if (!replica.TryGetValue(state.NodeId, out var node))
            {
                node = new TerritoryReplicaNode { Id = state.NodeId };
                added.Add(node);
            }
            else if (node.Path != state.Path)
            {
                moves.Add((node.Path, state.Path));
            }

            node.Assign(state);
        }

        await db.SaveChangesAsync(cancellationToken);
        // A fresh replica takes thousands of nodes at once: COPY instead of one INSERT each.
        await TenantBulkCopy.InsertAsync(db, added, cancellationToken);

        // Deepest first: a node's records move before its ancestor's prefix is rewritten, and a record moved
        // once no longer starts with any old prefix still to come (the node's id sits elsewhere in new paths).
        foreach (var (oldPath, newPath) in moves.OrderByDescending(m => TerritoryPath.DepthOf(m.OldPath)))
        {
            foreach (var handler in moveHandlers)
            {
                await handler.MoveSubtreeAsync(oldPath, newPath, cancellationToken);
            }
        }

        await context.MarkEventsAppliedAsync(db, snapshot.IncludedEventIds, nameof(TerritorySnapshot), clock.GetUtcNow(), cancellationToken);
    }
}
