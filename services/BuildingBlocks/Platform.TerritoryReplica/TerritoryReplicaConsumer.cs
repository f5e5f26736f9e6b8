using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;

namespace Platform.TerritoryReplica;

/// <summary>
/// Keeps a service's territory replica current from the Districts service's events. It runs inside the event's
/// district (the platform's consume filter enters it), so every query here sees that district only.
/// </summary>
/// <typeparam name="TContext">The service's DbContext, whose model includes <see cref="TerritoryReplicaModel.ApplyTerritoryReplica"/>.</typeparam>
public sealed class TerritoryReplicaConsumer<TContext>(TContext db) :
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
        var node = await Nodes.SingleOrDefaultAsync(n => n.Id == added.NodeId, context.CancellationToken);
        if (node is null)
        {
            node = new TerritoryReplicaNode { Id = added.NodeId };
            Nodes.Add(node);
        }

        node.ParentId = added.ParentId;
        node.Kind = added.Kind;
        node.Code = added.Code;
        node.Name = added.Name;
        node.Path = added.Path;
        await db.SaveChangesAsync(context.CancellationToken);
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
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await Nodes.Where(n => n.Id == moved.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ParentId, moved.ParentId), context.CancellationToken);
        // The whole subtree moves: one statement rewrites every path under the old one.
        await Nodes.Where(n => n.Path.StartsWith(moved.OldPath))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Path, n => moved.NewPath + n.Path.Substring(moved.OldPath.Length)), context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeRetiredIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await Nodes.Where(n => n.Id == context.Message.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Retired, true), context.CancellationToken);
    }
}
