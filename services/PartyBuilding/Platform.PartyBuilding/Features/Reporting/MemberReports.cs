using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>The filters of the member-report list; the status is read by its wire name.</summary>
public sealed record MemberReportQuery([property: WireName(typeof(ReportStatus))] string? Status, Guid? Community, Guid? Workplace, int? Page, int? PageSize);

/// <summary>The member reports the caller sees (an official's area, a member's own), newest first, and one of them.</summary>
internal static class MemberReports
{
    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapGet("member-reports", ListAsync)
            .WithSummary("Member reports sent inside the caller's area (a member: their own), newest first; filter by status, community or workplace.");
        reporting.MapGet("member-reports/{id:guid}", GetAsync).WithSummary("One member report the caller decides or sent; ID number and phone masked.");
    }

    private static async Task<Ok<PagedResult<MemberReportResponse>>> ListAsync(
        [AsParameters] MemberReportQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var reports = access.MemberReports(db).AsNoTracking();
        if (query.Status is not null)
        {
            var wanted = WireNames.Parse<ReportStatus>(query.Status);
            reports = reports.Where(r => r.Status == wanted);
        }

        if (query.Community is { } communityId)
        {
            reports = reports.Where(r => r.CommunityNodeId == communityId);
        }

        if (query.Workplace is { } workplaceId)
        {
            reports = reports.Where(r => r.WorkplaceId == workplaceId);
        }

        var today = DistrictClock.Today(clock.GetUtcNow());
        var page = await reports.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(r => MemberReportResponse.From(r, today)));
    }

    private static async Task<Ok<MemberReportResponse>> GetAsync(
        Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var report = await access.MemberReports(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ReportAccess.NotFound(id);
        return TypedResults.Ok(MemberReportResponse.From(report, DistrictClock.Today(clock.GetUtcNow())));
    }
}
