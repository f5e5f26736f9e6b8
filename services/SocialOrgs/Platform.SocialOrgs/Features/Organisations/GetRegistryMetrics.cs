using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Districts.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>The registry's targets (section <c>SocialOrgs:Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SocialOrgs:Registry";

    /// <summary>How many organisations every urban community should have (DOMAIN.md §4: at least 10).</summary>
    public int TargetPerCommunity { get; set; } = 10;
}

/// <summary>The registry in figures for the caller's scope.</summary>
/// <param name="Total">Organisations at home in the scope.</param>
/// <param name="ByStatus">How many in each status, every status listed.</param>
/// <param name="ByKind">How many of each kind, every kind listed.</param>
/// <param name="ByStage">How many organisations in incubation are in each growth stage, every stage listed.</param>
/// <param name="TargetPerCommunity">The target every urban community is measured against.</param>
/// <param name="Communities">Every urban community of the scope with its organisations and shortfall, largest shortfall first.</param>
public sealed record RegistryMetrics(
    int Total, IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<KindCount> ByKind, IReadOnlyList<StageCount> ByStage, int TargetPerCommunity, IReadOnlyList<CommunityCount> Communities);

/// <summary>Organisations in one status.</summary>
/// <param name="Status">The status.</param>
/// <param name="Count">How many.</param>
public sealed record StatusCount(OrganisationStatus Status, int Count);

/// <summary>Organisations of one kind.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
public sealed record KindCount(OrganisationKind Kind, int Count);

/// <summary>Organisations in incubation in one growth stage.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Count">How many.</param>
public sealed record StageCount(GrowthStage Stage, int Count);

/// <summary>One urban community's organisations against the target.</summary>
/// <param name="NodeId">The community.</param>
/// <param name="Name">Its name.</param>
/// <param name="Count">Organisations at home in it (or below it).</param>
/// <param name="Shortfall">How many it lacks to reach the target; 0 when reached.</param>
public sealed record CommunityCount(Guid NodeId, string Name, int Count, int Shortfall);

/// <summary>Organisations per status, per kind, per growth stage and per urban community of the caller's scope, with each community's shortfall.</summary>
internal static class GetRegistryMetrics
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("metrics", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Organisations per status, per kind and per urban community of the caller's scope, with the shortfall against the target per community.");

    private static async Task<Ok<RegistryMetrics>> HandleAsync(
        ClaimsPrincipal caller, SocialOrgsDbContext db, IOptions<RegistryOptions> options, CancellationToken cancellationToken)
    {
        var target = options.Value.TargetPerCommunity;
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var counts = await access.Visible(db).GroupBy(o => new { o.Status, o.Kind, o.NodePath })
            .Select(g => new { g.Key.Status, g.Key.Kind, g.Key.NodePath, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var stages = await access.VisibleIncubations(db).Where(i => i.Status == IncubationStatus.InIncubation)
            .GroupBy(i => i.Stage).Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Villages (村) are rural: the per-community target is for urban communities (社区) only.
        var communities = await db.TerritoryNodes.AsNoTracking().InSubtree(n => n.Path, access.Scope.Path)
            .Where(n => n.Kind == TerritoryNodeKind.Community && !n.Retired)
            .Select(n => new { n.Id, n.Name, n.Path })
            .ToListAsync(cancellationToken);

        var perCommunity = communities
            .Select(community =>
            {
                var count = counts.Where(c => TerritoryPath.IsWithin(c.NodePath, community.Path)).Sum(c => c.Count);
                return new CommunityCount(community.Id, community.Name, count, Math.Max(0, target - count));
            })
            .OrderByDescending(c => c.Shortfall).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new RegistryMetrics(
            counts.Sum(c => c.Count),
            [.. Enum.GetValues<OrganisationStatus>().Select(status => new StatusCount(status, counts.Where(c => c.Status == status).Sum(c => c.Count)))],
            [.. Enum.GetValues<OrganisationKind>().Select(kind => new KindCount(kind, counts.Where(c => c.Kind == kind).Sum(c => c.Count)))],
            [.. Enum.GetValues<GrowthStage>().Select(stage => new StageCount(stage, stages.Where(s => s.Stage == stage).Sum(s => s.Count)))],
            target,
            perCommunity));
    }
}
