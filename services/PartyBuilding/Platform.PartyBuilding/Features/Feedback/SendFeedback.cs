using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Contracts;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Feedback;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Lists;
using Platform.PartyBuilding.Features.Reporting;
using Platform.PartyBuilding.Features.Service;
using Platform.ServiceDefaults;

namespace Platform.PartyBuilding.Features.Feedback;

/// <summary>The period whose feedback the community sends.</summary>
/// <param name="Period">An ended year (<c>2026</c>) or quarter (<c>2026-Q3</c>).</param>
public sealed record SendFeedbackRequest(string? Period) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Period), ServicePeriod.Problem(Period)));
}

/// <summary>What sending a period's feedback did.</summary>
/// <param name="Period">The period.</param>
/// <param name="Sent">Reports sent now.</param>
/// <param name="AlreadySent">Members whose report for the period had been sent before (sending again changes nothing).</param>
public sealed record SendFeedbackResponse(string Period, int Sent, int AlreadySent);

/// <summary>A community sends the feedback of an ended period for every member it confirmed.</summary>
internal static class SendFeedback
{
    public static void Map(RouteGroupBuilder feedback) =>
        feedback.MapPost("feedback-reports", HandleAsync)
            .WithSummary("Send the feedback of an ended quarter or year for every confirmed member in the caller's area to their workplace; members sent before are skipped.");

    private static async Task<Ok<SendFeedbackResponse>> HandleAsync(
        SendFeedbackRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var district = tenant.TenantId!.Value;
        ServicePeriod.TryParse(request.Period, out var period);
        FeedbackReport.EnsureEnded(period, now);
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var periodText = period.ToString();
        var members = await access.MemberReports(db).AsNoTracking()
            .Where(r => r.Status == ReportStatus.Confirmed && !db.FeedbackReports.Any(f => f.MemberReportId == r.Id && f.Period == periodText))
            .ToListAsync(cancellationToken);
        var alreadySent = await access.MemberReports(db).CountAsync(r => db.FeedbackReports.Any(f => f.MemberReportId == r.Id && f.Period == periodText), cancellationToken);
        if (members.Count == 0)
        {
            return TypedResults.Ok(new SendFeedbackResponse(periodText, 0, alreadySent));
        }

        var rule = await PointsRules.CurrentAsync(db, cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        var services = (await ServiceRecords.Filtered(db.ServiceRecords.AsNoTracking(), null, periodText)
                .Where(r => memberIds.Contains(r.MemberReportId))
                .Select(r => new { r.MemberReportId, Counted = new CountedService(r.Category, r.Minutes, r.Rating, r.ReversedAt != null) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.MemberReportId, r => r.Counted);
        var claims = await ClaimOutcomes.CountAsync(db.Claims, memberIds, period, cancellationToken);
        var grades = await db.MemberEvaluations.AsNoTracking().Where(e => e.Period == periodText && memberIds.Contains(e.MemberReportId))
            .ToDictionaryAsync(e => e.MemberReportId, cancellationToken);
        var workplaceIds = members.Select(m => m.WorkplaceId).Distinct().ToList();
        var workplaces = await db.Workplaces.AsNoTracking().Where(w => workplaceIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var communityIds = members.Select(m => m.CommunityNodeId).Distinct().ToList();
        var communities = await db.TerritoryNodes.AsNoTracking().Where(n => communityIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken);

        foreach (var member in members)
        {
            var counted = services[member.Id].ToList();
            var claimed = claims.GetValueOrDefault(member.Id);
            var statement = PointsTally.Of(rule.Version, rule.Terms, counted, claimed.Completed, claimed.Abandoned);
            var rated = counted.Where(s => !s.Reversed && s.Rating is not null).Select(s => (decimal)s.Rating!.Value).ToList();
            var figures = new FeedbackFigures(
                statement.Minutes, counted.Count(s => !s.Reversed), rated.Count == 0 ? null : Math.Round(rated.Average(), 2), statement.Total, statement.RuleVersion,
                claimed.Completed, grades.GetValueOrDefault(member.Id)?.Grade, grades.GetValueOrDefault(member.Id)?.Comment);
            var workplace = workplaces[member.WorkplaceId];
            var report = FeedbackReport.Send(member, workplace, period, figures, now);
            db.FeedbackReports.Add(report);
            if (report.Delivery == FeedbackDelivery.OtherDistrict)
            {
                // Addressed to the workplace's district, through the outbox in the same transaction as the report.
                db.AddIntegrationEvent(new MemberServiceFeedbackIntegrationEvent
                {
                    TenantId = report.RecipientTenantId!.Value,
                    OccurredAt = now,
                    FeedbackId = report.Id,
                    SendingTenantId = district,
                    WorkplaceOrganisationId = workplace.Records.OrganisationId!.Value,
                    MemberName = member.Name,
                    CommunityName = communities.GetValueOrDefault(member.CommunityNodeId, ""),
                    Period = report.Period,
                    Minutes = figures.Minutes,
                    Services = figures.Services,
                    AverageRating = figures.AverageRating,
                    Points = figures.Points,
                    PointsRuleVersion = figures.PointsRuleVersion,
                    CompletedClaims = figures.CompletedClaims,
                    Grade = figures.Grade?.ToWire(),
                    EvaluationComment = figures.EvaluationComment,
                });
            }
        }

        // The unique index (member report, period) turns a concurrent second sending into a failure that changes nothing.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SendFeedbackResponse(periodText, members.Count, alreadySent));
    }
}
