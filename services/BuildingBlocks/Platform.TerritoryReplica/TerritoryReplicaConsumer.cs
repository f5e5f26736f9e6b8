using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;

namespace Platform.TerritoryReplica;

/// <summary>
/// Keeps a service's territory replica current from the Districts service's events. It runs inside the event's
/// district (the platform's consume filter enters it), so every query here sees that district only.
/// </summary>
/// <typeparam name="TContext">The service's DbContext, whose model includes <see cref="TerritoryReplicaModel.ApplyTerritoryReplica"/>.</typeparam>
public sealed class TerritoryReplicaConsumer<TContext>(TContext db, IEnumerable<ISubtreeMoveHandler> moveHandlers) :
    IConsumer<TerritoryNodeAddedIntegrationEvent>,
    IConsumer<TerritoryNodeRenamedIntegrationEvent>,
    IConsumer<TerritoryNodeMovedIntegrationEvent>,
    IConsumer<TerritoryNodeRetiredIntegrationEvent>
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
}
