using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Territory;

/// <summary>
/// Residents, households and demands carry their node's path so a scope is one index range; when a part of the
/// tree moves (a community handed to another street), their paths move with it, in the replica's transaction.
/// </summary>
internal sealed class ResidentsSubtreeMove(ResidentsDbContext db) : ISubtreeMoveHandler
{
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken cancellationToken)
    {
        await db.Residents.InSubtree(oldPath)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.NodePath, r => newPath + r.NodePath.Substring(oldPath.Length)), cancellationToken);
        await db.Households.InSubtree(oldPath)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.NodePath, h => newPath + h.NodePath.Substring(oldPath.Length)), cancellationToken);
        await db.Demands.InSubtree(oldPath)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.NodePath, d => newPath + d.NodePath.Substring(oldPath.Length)), cancellationToken);
    }
}
