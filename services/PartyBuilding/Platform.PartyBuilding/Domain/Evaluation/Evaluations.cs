using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Evaluation;

/// <summary>The grades of an evaluation (评议).</summary>
public enum EvaluationGrade
{
    /// <summary>优秀.</summary>
    Excellent,

    /// <summary>合格.</summary>
    Qualified,

    /// <summary>基本合格.</summary>
    BasicallyQualified,

    /// <summary>不合格.</summary>
    Unqualified,
}

/// <summary>Who evaluates whom in the yearly mutual evaluation of a unit and a community.</summary>
public enum EvaluationDirection
{
    /// <summary>The community evaluates the unit's participation.</summary>
    CommunityEvaluatesUnit,

    /// <summary>The unit evaluates the community's work with it.</summary>
    UnitEvaluatesCommunity,
}

/// <summary>The rules both kinds of evaluation share.</summary>
public static class EvaluationRules
{
    /// <summary>The longest comment.</summary>
    public const int CommentMaxLength = 1000;

    /// <summary>Why a comment is unacceptable, or null.</summary>
    public static string? CommentProblem(string? comment) => TextRules.Problem(comment, CommentMaxLength);

    /// <summary>Refuses grading a period that has not begun on the district's date at <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">It has not begun.</exception>
    public static void EnsureBegun(ServicePeriod period, DateTimeOffset now)
    {
        if (period.FirstDay > DistrictClock.Today(now))
        {
            throw new DomainException(PartyBuildingErrors.PeriodNotBegun, $"{period} begins on {period.FirstDay:yyyy-MM-dd}; grade what has been served.", "period");
        }
    }
}

/// <summary>
/// The community party organisation's grade of a reported member for a quarter or a year (DOMAIN.md §6), with a comment.
/// One per member report and period; it goes into the period's feedback report to the workplace.
/// </summary>
public sealed class MemberEvaluation : ITenantOwned, ITerritoryPlaced
{
    private MemberEvaluation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The member report graded.</summary>
    public Guid MemberReportId { get; private set; }

    /// <summary>The member report's path: the officials who see the report see its evaluations.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The member's user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The period, e.g. 2026-Q3 or 2026.</summary>
    public string Period { get; private set; } = "";

    /// <summary>The grade.</summary>
    public EvaluationGrade Grade { get; private set; }

    /// <summary>Why.</summary>
    public string Comment { get; private set; } = "";

    /// <summary>Who graded.</summary>
    public string EvaluatedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset EvaluatedAt { get; private set; }

    /// <summary>The community's grade of <paramref name="report"/>'s member for <paramref name="period"/>.</summary>
    /// <exception cref="DomainException">The member is not reported (confirmed), or the period has not begun.</exception>
    /// <exception cref="ArgumentException">The comment is unacceptable (the request checks it first).</exception>
    public static MemberEvaluation Record(MemberReport report, ServicePeriod period, EvaluationGrade grade, string comment, string evaluatedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(evaluatedBy);
        if (EvaluationRules.CommentProblem(comment) is { } problem)
        {
            throw new ArgumentException(problem, nameof(comment));
        }

        if (report.Status != ReportStatus.Confirmed)
        {
            throw new DomainException(PartyBuildingErrors.MemberNotReported, "The community grades members whose report it confirmed.");
        }

        EvaluationRules.EnsureBegun(period, now);
        return new MemberEvaluation
        {
            Id = Guid.CreateVersion7(now),
            MemberReportId = report.Id,
            NodePath = report.NodePath,
            UserId = report.UserId,
            Period = period.ToString(),
            Grade = grade,
            Comment = comment.Trim(),
            EvaluatedBy = evaluatedBy,
            EvaluatedAt = now,
        };
    }
}

/// <summary>
/// One side of the yearly mutual evaluation of a unit and a community (DOMAIN.md §6: units and communities evaluate each
/// other): the community grades the unit's participation, the unit grades the community. Once per year, pair and
/// direction. The unit must be reported (confirmed) to the community's street.
/// </summary>
public sealed class MutualEvaluation : ITenantOwned, ITerritoryPlaced
{
    private MutualEvaluation()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The year.</summary>
    public int Year { get; private set; }

    /// <summary>The unit's workplace.</summary>
    public Guid WorkplaceId { get; private set; }

    /// <summary>The community.</summary>
    public Guid CommunityNodeId { get; private set; }

    /// <summary>The community's path.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Who evaluates whom.</summary>
    public EvaluationDirection Direction { get; private set; }

    /// <summary>The grade.</summary>
    public EvaluationGrade Grade { get; private set; }

    /// <summary>Why.</summary>
    public string Comment { get; private set; } = "";

    /// <summary>Who entered it (for the unit's side, the official recording the unit's evaluation).</summary>
    public string EvaluatedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset EvaluatedAt { get; private set; }

    /// <summary>One side of <paramref name="year"/>'s evaluation of <paramref name="unit"/> and <paramref name="community"/>.</summary>
    /// <exception cref="DomainException">The unit is not reported to the community's street, or the year has not begun.</exception>
    /// <exception cref="ArgumentException">The comment is unacceptable, or the node is not a community (the handler checks them first).</exception>
    public static MutualEvaluation Record(
        int year, UnitReport unit, TerritoryReplicaNode community, EvaluationDirection direction, EvaluationGrade grade, string comment, string evaluatedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentException.ThrowIfNullOrWhiteSpace(evaluatedBy);
        if (EvaluationRules.CommentProblem(comment) is { } problem)
        {
            throw new ArgumentException(problem, nameof(comment));
        }

        if (!MemberReport.CommunityKinds.Contains(community.Kind))
        {
            throw new ArgumentException("Units and communities evaluate each other.", nameof(community));
        }

        if (unit.Status != ReportStatus.Confirmed || !Platform.Districts.Contracts.TerritoryPath.IsWithin(community.Path, unit.NodePath))
        {
            throw new DomainException(PartyBuildingErrors.UnitNotReported, "The unit evaluates, and is evaluated by, the communities of the street that confirmed its unit report.", "workplaceId");
        }

        EvaluationRules.EnsureBegun(new ServicePeriod(year, null), now);
        return new MutualEvaluation
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            WorkplaceId = unit.WorkplaceId,
            CommunityNodeId = community.Id,
            NodePath = community.Path,
            Direction = direction,
            Grade = grade,
            Comment = comment.Trim(),
            EvaluatedBy = evaluatedBy,
            EvaluatedAt = now,
        };
    }
}
