using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>The filters of the unit resource list.</summary>
/// <param name="Kind">venue, funds, skill or volunteers.</param>
/// <param name="Page">The page (of unit reports), from 1.</param>
/// <param name="PageSize">Unit reports per page.</param>
public sealed record UnitResourceQuery([property: Platform.Domain.WireName(typeof(ResourceKind))] string? Kind, int? Page, int? PageSize);

/// <summary>A resource a reported unit offers its street.</summary>
/// <param name="WorkplaceId">The unit's workplace.</param>
/// <param name="WorkplaceName">Its name.</param>
/// <param name="UnitReportId">The confirmed unit report that offers it.</param>
/// <param name="Resource">What it offers.</param>
public sealed record UnitResourceResponse(Guid WorkplaceId, string WorkplaceName, Guid UnitReportId, UnitResource Resource);

/// <summary>A member who fits an opening.</summary>
/// <param name="MemberReportId">The member's confirmed report in the opening's community.</param>
/// <param name="Name">The member's name.</param>
/// <param name="SharedSkills">The opening's skills the member has.</param>
/// <param name="Availability">When they can serve.</param>
public sealed record MemberSuggestion(Guid MemberReportId, string Name, IReadOnlyList<string> SharedSkills, string? Availability);

/// <summary>Who could take an opening: members of its community and resources of units reported to its street.</summary>
/// <param name="OpeningId">The opening.</param>
/// <param name="Members">Fitting members holding no place on it, those sharing the most skills first.</param>
/// <param name="Resources">Fitting resources of units holding no place on it.</param>
public sealed record SuggestionsResponse(Guid OpeningId, IReadOnlyList<MemberSuggestion> Members, IReadOnlyList<UnitResourceResponse> Resources);

/// <summary>The unit resource list, and suggestions matching an opening with members and resources.</summary>
internal static class Matching
{
    /// <summary>The most members suggested for one opening.</summary>
    public const int MaxMemberSuggestions = 50;

    public static void Map(RouteGroupBuilder lists)
    {
        lists.MapGet("unit-resources", ResourcesAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("The unit resource list: what units whose street confirmed their report offer, in the caller's area; filter by kind.");
        lists.MapGet("openings/{id:guid}/suggestions", SuggestAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Members of the opening's community and resources of units reported to its street that fit the opening by skills.");
    }

    private static async Task<Ok<PagedResult<UnitResourceResponse>>> ResourcesAsync(
        [AsParameters] UnitResourceQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var reports = db.UnitReports.InSubtree(scope.Scope.Path).Where(r => r.Status == ReportStatus.Confirmed).AsNoTracking();
        var total = await reports.CountAsync(cancellationToken);
        var page = await reports.OrderBy(r => r.Id).Skip(paging.Skip).Take(paging.Size)
            .Join(db.Workplaces, r => r.WorkplaceId, w => w.Id, (report, workplace) => new { report, workplace.Name })
            .ToListAsync(cancellationToken);
        var kind = query.Kind is null ? (ResourceKind?)null : Platform.Domain.WireNames.Parse<ResourceKind>(query.Kind);
        var resources = page.SelectMany(row => row.report.Resources.Where(r => kind is null || r.Kind == kind)
            .Select(resource => new UnitResourceResponse(row.report.WorkplaceId, row.Name, row.report.Id, resource)));
        return TypedResults.Ok(new PagedResult<UnitResourceResponse>([.. resources], paging.Page, paging.Size, total));
    }

    private static async Task<Ok<SuggestionsResponse>> SuggestAsync(Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        var opening = await access.FindOpeningAsync(id, db, cancellationToken);
        var placed = opening.Claims.Where(c => c.HoldsPlace).ToList();
        var members = await db.MemberReports.AsNoTracking()
            .Where(r => r.CommunityNodeId == opening.CommunityNodeId && r.Status == ReportStatus.Confirmed)
            .ToListAsync(cancellationToken);
        var memberSuggestions = members
            .Where(m => placed.All(c => c.MemberReportId != m.Id) && OpeningMatch.Fits(opening, m.Skills))
            .Select(m => new MemberSuggestion(m.Id, m.Name, OpeningMatch.SharedSkills(opening, m.Skills), m.Availability))
            .OrderByDescending(s => s.SharedSkills.Count).ThenBy(s => s.MemberReportId)
            .Take(MaxMemberSuggestions)
            .ToList();
        // Units reported to a street that holds the opening's community: their report's path is one of the opening's ancestors.
        var segments = opening.NodePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ancestors = Enumerable.Range(1, segments.Length).Select(depth => $"/{string.Join('/', segments[..depth])}/").ToList();
        var units = await db.UnitReports.AsNoTracking().Where(r => r.Status == ReportStatus.Confirmed && ancestors.Contains(r.NodePath))
            .Join(db.Workplaces, r => r.WorkplaceId, w => w.Id, (report, workplace) => new { report, workplace.Name })
            .ToListAsync(cancellationToken);
        var resourceSuggestions = units
            .Where(u => placed.All(c => c.WorkplaceId != u.report.WorkplaceId))
            .SelectMany(u => u.report.Resources.Where(r => OpeningMatch.Fits(opening, r)).Select(r => new UnitResourceResponse(u.report.WorkplaceId, u.Name, u.report.Id, r)))
            .ToList();
        return TypedResults.Ok(new SuggestionsResponse(opening.Id, memberSuggestions, resourceSuggestions));
    }
}
