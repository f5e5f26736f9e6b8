using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Organisations;
using Platform.PartyBuilding.Features.Service;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Metrics;

/// <summary>The period the metrics of service and feedback are counted over.</summary>
/// <param name="Period">A year (<c>2026</c>) or a quarter (<c>2026-Q3</c>); without it, service and feedback of every period.</param>
public sealed record MetricsQuery([property: ServicePeriod] string? Period);

/// <summary>A workplace's reporting coverage: its members reported (confirmed) against the in-service members it declares.</summary>
/// <param name="WorkplaceId">The workplace.</param>
/// <param name="Name">Its name.</param>
/// <param name="DeclaredMembers">In-service members it declares.</param>
/// <param name="ReportedMembers">Its members whose report a community confirmed.</param>
/// <param name="Coverage">Reported ÷ declared, null when it declares none.</param>
public sealed record WorkplaceCoverage(Guid WorkplaceId, string Name, int DeclaredMembers, int ReportedMembers, decimal? Coverage);

/// <summary>The party-building metrics of the caller's area.</summary>
/// <param name="Period">The period counted, or null for all.</param>
/// <param name="ReportedMembers">Members whose report a community in the area confirmed.</param>
/// <param name="CoverageByWorkplace">Coverage of each workplace the area keeps.</param>
/// <param name="UnitsReportedByStreet">Workplaces with a confirmed unit report, per street node.</param>
/// <param name="HoursPerMember">Hours of service counted per reported member in the period.</param>
/// <param name="FeedbackSent">Feedback reports sent for the period.</param>
/// <param name="FeedbackAcknowledged">Of those, acknowledged.</param>
/// <param name="FeedbackOnTimeRate">Acknowledged by their due time ÷ sent, null when none was sent.</param>
/// <param name="OpenPlaces">Places on the openings whose term is not over.</param>
/// <param name="PlacesFilled">Of those, held by a confirmed claim.</param>
/// <param name="ClaimsCompleted">Claims completed in the period.</param>
/// <param name="MembersByGrade">Members graded in the period, per grade by wire name (excellent, qualified, basically_qualified, unqualified).</param>
public sealed record PartyBuildingMetricsResponse(
    string? Period, int ReportedMembers, IReadOnlyList<WorkplaceCoverage> CoverageByWorkplace, IReadOnlyDictionary<Guid, int> UnitsReportedByStreet,
    decimal HoursPerMember, int FeedbackSent, int FeedbackAcknowledged, decimal? FeedbackOnTimeRate, int OpenPlaces, int PlacesFilled, int ClaimsCompleted,
    IReadOnlyDictionary<string, int> MembersByGrade);

/// <summary>
/// The metrics the issue names for the caller's area: reporting coverage per workplace, units reported per street, hours
/// per member, feedback delivered and acknowledged on time, places filled on the openings, claims completed and members per grade.
/// </summary>
internal static class PartyBuildingMetrics
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/partybuilding/metrics", GetAsync).RequireTenant().RequireAuthorization(OrganisationEndpoints.OfficialsPolicy).WithTags("Metrics")
            .WithSummary("Reporting coverage, units reported per street, hours per member and feedback acknowledged on time, for the caller's area.");
        return endpoints;
    }

    private static async Task<Ok<PartyBuildingMetricsResponse>> GetAsync(
        [AsParameters] MetricsQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var confirmed = db.MemberReports.InSubtree(scope.Path).Where(r => r.Status == ReportStatus.Confirmed);
        var reportedMembers = await confirmed.CountAsync(cancellationToken);
        var reportedByWorkplace = await confirmed.GroupBy(r => r.WorkplaceId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var workplaces = await db.Workplaces.InSubtree(scope.Path).AsNoTracking().OrderBy(w => w.Name)
            .Select(w => new { w.Id, w.Name, w.DeclaredMembers }).ToListAsync(cancellationToken);
        var coverage = workplaces.Select(w =>
        {
            var reported = reportedByWorkplace.GetValueOrDefault(w.Id);
            return new WorkplaceCoverage(w.Id, w.Name, w.DeclaredMembers, reported, w.DeclaredMembers == 0 ? null : Math.Round((decimal)reported / w.DeclaredMembers, 4));
        }).ToList();
        var unitsByStreet = await db.UnitReports.InSubtree(scope.Path).Where(r => r.Status == ReportStatus.Confirmed)
            .GroupBy(r => r.StreetNodeId).Select(g => new { g.Key, Count = g.Select(r => r.WorkplaceId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var minutes = await ServiceRecords.Filtered(db.ServiceRecords.InSubtree(scope.Path), null, query.Period)
            .Where(r => r.ReversedAt == null).SumAsync(r => (long?)r.Minutes, cancellationToken) ?? 0;
        var feedback = db.FeedbackReports.InSubtree(scope.Path);
        if (query.Period is not null)
        {
            var period = query.Period.Trim();
            feedback = feedback.Where(f => f.Period == period);
        }

        var sent = await feedback.CountAsync(cancellationToken);
        var acknowledged = await feedback.CountAsync(f => f.AcknowledgedAt != null, cancellationToken);
        var onTime = await feedback.CountAsync(f => f.AcknowledgedAt != null && f.AcknowledgedAt <= f.AcknowledgementDueAt, cancellationToken);
        var today = DistrictClock.Today(clock.GetUtcNow());
        var running = db.Openings.InSubtree(scope.Path).Where(o => o.EndsOn >= today);
        var openPlaces = await running.SumAsync(o => (int?)o.Capacity, cancellationToken) ?? 0;
        var placesFilled = await running.SelectMany(o => o.Claims).CountAsync(c => c.Status == ClaimStatus.Confirmed, cancellationToken);
        var completed = db.Claims.InSubtree(scope.Path).Where(c => c.Status == ClaimStatus.Completed);
        if (ServicePeriod.TryParse(query.Period, out var within))
        {
            var (first, last) = ((DateOnly?)within.FirstDay, (DateOnly?)within.LastDay);
            completed = completed.Where(c => c.EndedOn >= first && c.EndedOn <= last);
        }

        var claimsCompleted = await completed.CountAsync(cancellationToken);
        var evaluations = db.MemberEvaluations.InSubtree(scope.Path);
        if (query.Period is not null)
        {
            var period = query.Period.Trim();
            evaluations = evaluations.Where(e => e.Period == period);
        }

        var graded = await evaluations.GroupBy(e => e.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byGrade = Enum.GetValues<EvaluationGrade>().ToDictionary(grade => grade.ToWire(), grade => graded.SingleOrDefault(g => g.Key == grade)?.Count ?? 0);
        return TypedResults.Ok(new PartyBuildingMetricsResponse(
            query.Period?.Trim(), reportedMembers, coverage, unitsByStreet, reportedMembers == 0 ? 0 : Math.Round(minutes / 60m / reportedMembers, 2),
            sent, acknowledged, sent == 0 ? null : Math.Round((decimal)onTime / sent, 4), openPlaces, placesFilled, claimsCompleted, byGrade));
    }
}
