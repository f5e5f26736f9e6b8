using Platform.Residents.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Territory;

/// <summary>
/// Residents, households, demands, topics and budgets carry their node's path so a scope is one index range; when a part of the
/// tree moves (a community handed to another street), their paths move with it, in the replica's transaction.
/// </summary>
internal sealed class ResidentsSubtreeMove(ResidentsDbContext db) : ISubtreeMoveHandler
{
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken cancellationToken)
    {
        await db.Residents.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.Households.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.Demands.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.Topics.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.Budgets.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
    }
}
