using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Feedback;
using Platform.PartyBuilding.Features.Service;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Feedback;

/// <summary>The filters of the sent-feedback list and export.</summary>
/// <param name="Period">The period, e.g. 2026-Q3.</param>
/// <param name="Delivery">in_district, other_district or export.</param>
/// <param name="Overdue">Only reports not acknowledged by their due time.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record SentFeedbackQuery(
    [property: ServicePeriod] string? Period, [property: WireName(typeof(FeedbackDelivery))] string? Delivery, bool? Overdue, int? Page, int? PageSize);

/// <summary>The workplace's acknowledgement, recorded by an official.</summary>
/// <param name="Note">What the workplace said.</param>
public sealed record AcknowledgeFeedbackRequest(string? Note) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Note), FeedbackReport.NoteProblem(Note)));
}

/// <summary>A feedback report sent to a member's workplace.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="MemberReportId">The member report.</param>
/// <param name="MemberName">The member's name.</param>
/// <param name="WorkplaceId">The workplace.</param>
/// <param name="Period">The period.</param>
/// <param name="Figures">Minutes, services, average rating, points and the points-rule version.</param>
/// <param name="Delivery">in_district, other_district or export.</param>
/// <param name="RecipientDistrictId">The receiving district, for other_district.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="AcknowledgementDueAt">When the acknowledgement is due.</param>
/// <param name="AcknowledgedAt">When it was acknowledged.</param>
/// <param name="AcknowledgedOnTime">Whether by its due time.</param>
/// <param name="AcknowledgementNote">What the workplace said.</param>
public sealed record FeedbackReportResponse(
    Guid Id, Guid MemberReportId, string MemberName, Guid WorkplaceId, string Period, FeedbackFigures Figures, FeedbackDelivery Delivery,
    Guid? RecipientDistrictId, DateTimeOffset SentAt, DateTimeOffset AcknowledgementDueAt, DateTimeOffset? AcknowledgedAt, bool AcknowledgedOnTime,
    string? AcknowledgementNote)
{
    public static FeedbackReportResponse From(FeedbackReport report) => new(
        report.Id, report.MemberReportId, report.MemberName, report.WorkplaceId, report.Period, report.Figures, report.Delivery, report.RecipientTenantId,
        report.SentAt, report.AcknowledgementDueAt, report.AcknowledgedAt, report.AcknowledgedOnTime, report.AcknowledgementNote);
}

/// <summary>The feedback reports the caller's area sent: the list (overdue ones too), the export and the acknowledgement recorded by hand.</summary>
internal static class SentFeedback
{
    public static void Map(RouteGroupBuilder feedback)
    {
        feedback.MapGet("feedback-reports", ListAsync)
            .WithSummary("Feedback reports sent for the members in the caller's area; filter by period, delivery, or those overdue.");
        feedback.MapGet("feedback-reports.csv", ExportAsync)
            .WithSummary("The same reports as CSV (UTF-8 with a byte-order mark, for Excel), for workplaces outside the platform.");
        feedback.MapPost("feedback-reports/{id:guid}/acknowledgement", AcknowledgeAsync)
            .WithSummary("Record a workplace's acknowledgement of a report kept in this district or exported; another district's comes back by itself.");
    }

    private static async Task<IQueryable<FeedbackReport>> FilteredAsync(
        SentFeedbackQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var reports = db.FeedbackReports.InSubtree(scope.Path);
        if (query.Period is not null)
        {
            reports = reports.Where(r => r.Period == query.Period.Trim());
        }

        if (query.Delivery is not null)
        {
            var delivery = WireNames.Parse<FeedbackDelivery>(query.Delivery);
            reports = reports.Where(r => r.Delivery == delivery);
        }

        if (query.Overdue is true)
        {
            reports = reports.Where(r => r.AcknowledgedAt == null && r.AcknowledgementDueAt < now);
        }

        return reports.AsNoTracking();
    }

    private static async Task<Ok<PagedResult<FeedbackReportResponse>>> ListAsync(
        [AsParameters] SentFeedbackQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var reports = await FilteredAsync(query, caller, db, clock.GetUtcNow(), cancellationToken);
        var page = await reports.OrderByDescending(r => r.SentAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(FeedbackReportResponse.From));
    }

    private static async Task<FileContentHttpResult> ExportAsync(
        [AsParameters] SentFeedbackQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reports = await FilteredAsync(query, caller, db, clock.GetUtcNow(), cancellationToken);
        var rows = await reports.OrderBy(r => r.WorkplaceId).ThenBy(r => r.MemberName).ThenBy(r => r.Id)
            .Join(db.Workplaces, r => r.WorkplaceId, w => w.Id, (report, workplace) => new { report, WorkplaceName = workplace.Name })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder("feedback_id,workplace,member,period,minutes,services,average_rating,points,points_rule_version,sent_at,acknowledged_at,completed_claims,grade,evaluation_comment\r\n");
        foreach (var row in rows)
        {
            var (report, figures) = (row.report, row.report.Figures);
            csv.AppendJoin(',', [
                report.Id.ToString(), CsvText.QuotedAsText(row.WorkplaceName), CsvText.QuotedAsText(report.MemberName), report.Period,
                figures.Minutes.ToString(CultureInfo.InvariantCulture), figures.Services.ToString(CultureInfo.InvariantCulture),
                figures.AverageRating?.ToString(CultureInfo.InvariantCulture) ?? "", figures.Points.ToString(CultureInfo.InvariantCulture),
                figures.PointsRuleVersion.ToString(CultureInfo.InvariantCulture), report.SentAt.ToString("O", CultureInfo.InvariantCulture),
                report.AcknowledgedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", figures.CompletedClaims.ToString(CultureInfo.InvariantCulture),
                figures.Grade?.ToWire() ?? "", figures.EvaluationComment is null ? "" : CsvText.QuotedAsText(figures.EvaluationComment)]).Append("\r\n");
        }

        return TypedResults.File(CsvText.ForSpreadsheets(csv), "text/csv; charset=utf-8", $"feedback-{query.Period ?? "all"}.csv");
    }

    private static async Task<Ok<FeedbackReportResponse>> AcknowledgeAsync(
        Guid id, AcknowledgeFeedbackRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var report = await db.FeedbackReports.InSubtree(scope.Path).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.FeedbackNotFound, $"No feedback report {id} in your area.");
        report.RecordAcknowledgement(caller.UserId()!, request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(FeedbackReportResponse.From(report));
    }
}
