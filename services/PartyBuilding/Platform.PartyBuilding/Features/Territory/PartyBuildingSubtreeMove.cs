using Platform.PartyBuilding.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Territory;

/// <summary>
/// Party organisations, workplaces, reports, service records and feedback carry their node's path so an official's scope is one index range; when part of
/// the tree moves (a community handed to another street), their paths move with it, in the replica's transaction.
/// </summary>
internal sealed class PartyBuildingSubtreeMove(PartyBuildingDbContext db) : ISubtreeMoveHandler
{
    public async Task MoveSubtreeAsync(string oldPath, string newPath, CancellationToken cancellationToken)
    {
        await db.PartyOrganisations.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.Workplaces.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.MemberReports.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.UnitReports.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.ServiceRecords.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.FeedbackReports.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
        await db.ReceivedFeedback.RebaseSubtreeAsync(oldPath, newPath, cancellationToken);
    }
}
