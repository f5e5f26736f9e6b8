using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Identity.Data;
using Platform.Identity.Domain;

namespace Platform.Identity.Territory;

/// <summary>
/// Keeps identity's copy of each district's territory current from the Districts service's events. The consumer
/// runs inside the event's district, so every query here sees that district only.
/// </summary>
public sealed class TerritoryConsumer(IdentityDbContext db) :
    IConsumer<TerritoryNodeAddedIntegrationEvent>,
    IConsumer<TerritoryNodeMovedIntegrationEvent>,
    IConsumer<TerritoryNodeRetiredIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeAddedIntegrationEvent> context)
    {
        var added = context.Message;
        var node = await db.TerritoryNodes.SingleOrDefaultAsync(n => n.Id == added.NodeId, context.CancellationToken);
        if (node is null)
        {
            db.TerritoryNodes.Add(new TerritoryNode { Id = added.NodeId, Path = added.Path });
        }
        else
        {
            node.Path = added.Path;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeMovedIntegrationEvent> context)
    {
        var moved = context.Message;
        // The whole subtree moves: one statement rewrites every path under the old one.
        await db.TerritoryNodes
            .Where(n => n.Path.StartsWith(moved.OldPath))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Path, n => moved.NewPath + n.Path.Substring(moved.OldPath.Length)), context.CancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TerritoryNodeRetiredIntegrationEvent> context) =>
        await db.TerritoryNodes
            .Where(n => n.Id == context.Message.NodeId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Retired, true), context.CancellationToken);
}
