using Platform.SocialOrgs.Data;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Territory;

/// <summary>
/// Organisations carry their home node's path so an official's scope is one index range; when part of the tree moves
/// (a community handed to another street), their paths move with it, in the replica's transaction.
/// </summary>
internal sealed class SocialOrgsSubtreeMove(SocialOrgsDbContext db) : ISubtreeMoveHandler
{
    public Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken cancellationToken) =>
        db.Organisations.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
}
