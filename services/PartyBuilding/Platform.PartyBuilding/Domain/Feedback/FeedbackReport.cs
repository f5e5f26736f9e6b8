using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Feedback;

/// <summary>How a feedback report reaches the member's workplace, from where the workplace's records live.</summary>
public enum FeedbackDelivery
{
    /// <summary>The workplace is kept in this district: its officials acknowledge here.</summary>
    InDistrict,

    /// <summary>The workplace is in another district of the platform: the report travels there as an event, the acknowledgement comes back.</summary>
    OtherDistrict,

    /// <summary>The workplace is outside the platform: the report is exported and the acknowledgement recorded by hand.</summary>
    Export,
}

/// <summary>What a feedback report tells the workplace about its member's period.</summary>
/// <param name="Minutes">Minutes of service counted.</param>
/// <param name="Services">Services counted.</param>
/// <param name="AverageRating">The residents' average rating of the rated services; null when none was rated.</param>
/// <param name="Points">The member's points.</param>
/// <param name="PointsRuleVersion">The points-rule version used.</param>
/// <param name="CompletedClaims">Claimed posts and projects completed in the period.</param>
/// <param name="Grade">The community's grade of the member for the period, if it graded them.</param>
/// <param name="EvaluationComment">The comment with the grade.</param>
public sealed record FeedbackFigures(
    long Minutes, int Services, decimal? AverageRating, long Points, int PointsRuleVersion, int CompletedClaims, EvaluationGrade? Grade, string? EvaluationComment);

/// <summary>
/// A member's feedback report (双报告, DOMAIN.md §6) for an ended quarter or year, sent by the community to the member's
/// workplace party organisation, which acknowledges it. One per member report and period.
/// </summary>
public sealed class FeedbackReport : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest acknowledgement note.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>How long the workplace has to acknowledge before the report is listed as overdue.</summary>
    public static readonly TimeSpan AcknowledgementTime = TimeSpan.FromDays(30);

    private FeedbackReport()
    {
    }

    /// <summary>Stable id, which the cross-district events carry.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The member report the feedback is about.</summary>
    public Guid MemberReportId { get; private set; }

    /// <summary>The member's name.</summary>
    public string MemberName { get; private set; } = "";

    /// <summary>The member report's path: the officials who see the report see its feedback.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The workplace it is sent to.</summary>
    public Guid WorkplaceId { get; private set; }

    /// <summary>The period, e.g. 2026-Q4.</summary>
    public string Period { get; private set; } = "";

    /// <summary>What it tells the workplace.</summary>
    public FeedbackFigures Figures { get; private set; } = null!;

    /// <summary>How it reaches the workplace.</summary>
    public FeedbackDelivery Delivery { get; private set; }

    /// <summary>The receiving district, for a workplace in another district.</summary>
    public Guid? RecipientTenantId { get; private set; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When the acknowledgement is due.</summary>
    public DateTimeOffset AcknowledgementDueAt { get; private set; }

    /// <summary>When the workplace acknowledged it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Who recorded the acknowledgement here (null when it came from another district).</summary>
    public string? AcknowledgementRecordedBy { get; private set; }

    /// <summary>What the workplace said.</summary>
    public string? AcknowledgementNote { get; private set; }

    /// <summary>Whether it was acknowledged in time.</summary>
    public bool AcknowledgedOnTime => AcknowledgedAt <= AcknowledgementDueAt;

    /// <summary>Why a note is unacceptable, or null (it may be absent).</summary>
    public static string? NoteProblem(string? note) => note is null ? null : TextRules.Problem(note, NoteMaxLength);

    /// <summary>The feedback on <paramref name="report"/>'s member for <paramref name="period"/>, sent to <paramref name="workplace"/>.</summary>
    /// <exception cref="DomainException">The period has not ended, or the member report is not confirmed.</exception>
    public static FeedbackReport Send(MemberReport report, WorkplaceOrganisation workplace, ServicePeriod period, FeedbackFigures figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(workplace);
        ArgumentNullException.ThrowIfNull(figures);
        EnsureEnded(period, now);
        if (report.Status != ReportStatus.Confirmed)
        {
            throw new DomainException(PartyBuildingErrors.MemberNotReported, "Feedback is sent for members whose report the community confirmed.");
        }

        var records = workplace.Records;
        return new FeedbackReport
        {
            Id = Guid.CreateVersion7(now),
            MemberReportId = report.Id,
            MemberName = report.Name,
            NodePath = report.NodePath,
            WorkplaceId = workplace.Id,
            Period = period.ToString(),
            Figures = figures,
            Delivery = records.Location switch
            {
                WorkplaceRecordsLocation.ThisDistrict => FeedbackDelivery.InDistrict,
                WorkplaceRecordsLocation.OtherDistrict => FeedbackDelivery.OtherDistrict,
                _ => FeedbackDelivery.Export,
            },
            RecipientTenantId = records.Location == WorkplaceRecordsLocation.OtherDistrict ? records.DistrictId : null,
            SentAt = now,
            AcknowledgementDueAt = now + AcknowledgementTime,
        };
    }

    /// <summary>Refuses a period that has not ended on the district's date at <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">It has not.</exception>
    public static void EnsureEnded(ServicePeriod period, DateTimeOffset now)
    {
        if (!period.HasEndedOn(DistrictClock.Today(now)))
        {
            throw new DomainException(PartyBuildingErrors.PeriodNotEnded, $"Feedback for {period} is sent once it has ended, after {period.LastDay:yyyy-MM-dd}.", "period")
            {
                Facts = { ["lastDay"] = period.LastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
    }

    /// <summary>An official records the workplace's acknowledgement of a report kept here or exported.</summary>
    /// <exception cref="DomainException">The report went to another district, which acknowledges it itself, or it is acknowledged already.</exception>
    public void RecordAcknowledgement(string recordedBy, string? note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (Delivery == FeedbackDelivery.OtherDistrict)
        {
            throw new DomainException(PartyBuildingErrors.FeedbackAcknowledgedElsewhere, "The workplace's own district acknowledges this report; its acknowledgement comes back by itself.");
        }

        if (AcknowledgedAt is not null)
        {
            throw new DomainException(PartyBuildingErrors.FeedbackAlreadyAcknowledged, $"Acknowledged already, on {AcknowledgedAt:yyyy-MM-dd}.");
        }

        Acknowledge(note, now);
        AcknowledgementRecordedBy = recordedBy;
    }

    /// <summary>The acknowledgement that came back from the workplace's district; a repeated one changes nothing.</summary>
    public void AcknowledgedByRecipient(string? note, DateTimeOffset acknowledgedAt)
    {
        if (Delivery == FeedbackDelivery.OtherDistrict && AcknowledgedAt is null)
        {
            Acknowledge(note, acknowledgedAt);
        }
    }

    private void Acknowledge(string? note, DateTimeOffset at)
    {
        AcknowledgedAt = at.ToUniversalTime();
        AcknowledgementNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
