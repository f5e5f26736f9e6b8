using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>A hot spot to link: a grid and a category of demands, as the residents service's hot-spot list names them.</summary>
/// <param name="GridId">The grid.</param>
/// <param name="Category">The demands' category.</param>
public sealed record HotSpotRequest(Guid? GridId, string? Category);

/// <summary>The residents' needs a request links, in the shape proposals and projects share.</summary>
internal static class NeedLinksInput
{
    /// <summary>What is wrong with the links' shape.</summary>
    public static IEnumerable<(string Field, string? Problem)> Checks(IReadOnlyList<Guid>? demandIds, IReadOnlyList<Guid>? topicIds, IReadOnlyList<HotSpotRequest>? hotSpots) =>
        NeedLinks.Checks(demandIds?.Count ?? 0, topicIds?.Count ?? 0, [.. (hotSpots ?? []).Select(h => (h?.GridId, h?.Category))]);

    /// <summary>The links as the domain takes them; the request's validation has accepted their shape.</summary>
    public static NeedLinks From(IReadOnlyList<Guid>? demandIds, IReadOnlyList<Guid>? topicIds, IReadOnlyList<HotSpotRequest>? hotSpots) =>
        new(demandIds ?? [], topicIds ?? [], [.. (hotSpots ?? []).Select(h => new HotSpotLink(h.GridId!.Value, h.Category!))]);

    /// <summary>Refuses hot spots whose grid is not an active grid of the district (the stored-data check the shape cannot make).</summary>
    /// <exception cref="DomainException">A hot spot names no grid of the district.</exception>
    public static async Task EnsureGridsAsync(NeedLinks links, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var gridIds = links.HotSpots.Select(h => h.GridId).Distinct().ToList();
        if (gridIds.Count == 0)
        {
            return;
        }

        var grids = await db.TerritoryNodes.AsNoTracking().Where(n => gridIds.Contains(n.Id) && n.Kind == TerritoryNodeKind.Grid && !n.Retired)
            .Select(n => n.Id).ToListAsync(cancellationToken);
        var unknown = gridIds.Except(grids).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(ProjectErrors.InvalidLinks, $"Not a grid of the district: {string.Join(", ", unknown)}.", "hotSpots");
        }
    }
}
