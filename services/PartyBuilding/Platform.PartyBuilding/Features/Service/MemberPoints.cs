using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Lists;
using Platform.PartyBuilding.Features.Reporting;

namespace Platform.PartyBuilding.Features.Service;

/// <summary>The period points are asked for.</summary>
/// <param name="Period">A year (<c>2026</c>) or a quarter (<c>2026-Q4</c>).</param>
public sealed record MemberPointsQuery([property: Required, ServicePeriod] string? Period);

/// <summary>A member's points for a period.</summary>
/// <param name="MemberReportId">The member report.</param>
/// <param name="Period">The period, e.g. 2026-Q4.</param>
/// <param name="Statement">The points and how they were reached, with the rule version used.</param>
public sealed record MemberPointsResponse(Guid MemberReportId, string Period, PointsStatement Statement);

/// <summary>A member's points (党员积分) for a quarter or a year, under the rules in force.</summary>
internal static class MemberPoints
{
    public static void Map(RouteGroupBuilder service) =>
        service.MapGet("member-reports/{id:guid}/points", GetAsync)
            .WithSummary("A member's points for a year or quarter under the points rules in force, which the answer names; reversed service counts for nothing, claims count in the period they ended.");

    /// <summary>The statement of <paramref name="memberReportId"/>'s service in <paramref name="period"/> under <paramref name="rule"/>.</summary>
    public static async Task<PointsStatement> StatementAsync(
        PartyBuildingDbContext db, Guid memberReportId, ServicePeriod period, PointsRule rule, CancellationToken cancellationToken)
    {
        var counted = await ServiceRecords.Filtered(db.ServiceRecords.AsNoTracking(), memberReportId, period.ToString())
            .Select(r => new CountedService(r.Category, r.Minutes, r.Rating, r.ReversedAt != null))
            .ToListAsync(cancellationToken);
        var claims = (await ClaimOutcomes.CountAsync(db.Claims, [memberReportId], period, cancellationToken)).GetValueOrDefault(memberReportId);
        return PointsTally.Of(rule.Version, rule.Terms, counted, claims.Completed, claims.Abandoned);
    }

    private static async Task<Ok<MemberPointsResponse>> GetAsync(
        Guid id, [AsParameters] MemberPointsQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        if (!await access.MemberReports(db).AnyAsync(r => r.Id == id, cancellationToken))
        {
            throw ReportAccess.NotFound(id);
        }

        ServicePeriod.TryParse(query.Period, out var period);
        var rule = await PointsRules.CurrentAsync(db, cancellationToken);
        var statement = await StatementAsync(db, id, period, rule, cancellationToken);
        return TypedResults.Ok(new MemberPointsResponse(id, period.ToString(), statement));
    }
}
