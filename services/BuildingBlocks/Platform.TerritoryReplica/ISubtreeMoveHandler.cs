namespace Platform.TerritoryReplica;

/// <summary>
/// Lets a service that copies node paths onto its own records (to query a scope as one index range) follow a
/// subtree move. Every registered handler runs in the same transaction as the replica's own update.
/// </summary>
public interface ISubtreeMoveHandler
{
    /// <summary>Rewrites every stored path that starts with <paramref name="oldPath"/> to start with <paramref name="newPath"/>.</summary>
    Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken cancellationToken);
}
