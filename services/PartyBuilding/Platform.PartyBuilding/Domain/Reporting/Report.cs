using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>
/// What a member's report (个人报到) and a unit's report (单位报到) share: the decision of the community or street it is
/// sent to. A submitted report is confirmed or returned with a reason; a submitted or confirmed one may end (the member
/// moves away, the agreement ends). The history is kept: nothing is deleted.
/// </summary>
public abstract class Report : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest reason for returning a report.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>The statuses of a report that holds its member's (or unit's) place.</summary>
    public static readonly IReadOnlyList<ReportStatus> OpenStatuses = [ReportStatus.Submitted, ReportStatus.Confirmed];

    /// <summary>Stable id.</summary>
    public Guid Id { get; protected set; }

    /// <inheritdoc />
    public Guid TenantId { get; protected set; }

    /// <summary>The materialised path of the node the report is sent to: the officials whose scope sees it decide it.</summary>
    public string NodePath { get; protected set; } = "";

    /// <summary>Where it stands.</summary>
    public ReportStatus Status { get; protected set; }

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; protected set; }

    /// <summary>Who confirmed or returned it.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When it was confirmed or returned.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was returned.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; protected set; }

    /// <summary>Whether it holds its member's (or unit's) place: submitted or confirmed.</summary>
    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>Why a reason for returning is unacceptable, or null.</summary>
    public static string? ReasonProblem(string? reason) => TextRules.Problem(reason, ReasonMaxLength);

    /// <summary>Confirms the report.</summary>
    /// <exception cref="DomainException">It is not submitted.</exception>
    public void Confirm(string decidedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        EnsureStatus("confirmed", ReportStatus.Submitted);
        Status = ReportStatus.Confirmed;
        DecidedBy = decidedBy;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Returns the report with <paramref name="reason"/>; the member (or unit) may report again.</summary>
    /// <exception cref="DomainException">It is not submitted.</exception>
    /// <exception cref="ArgumentException">The reason is unacceptable (the request checks it first).</exception>
    public void Return(string decidedBy, string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (ReasonProblem(reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reason));
        }

        EnsureStatus("returned", ReportStatus.Submitted);
        Status = ReportStatus.Returned;
        DecidedBy = decidedBy;
        DecidedAt = now;
        ReturnReason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>Ends the report (the member moved away, the agreement ended); everything recorded stays.</summary>
    /// <exception cref="DomainException">It is neither submitted nor confirmed.</exception>
    public void End(DateTimeOffset now)
    {
        EnsureStatus("ended", ReportStatus.Submitted, ReportStatus.Confirmed);
        Status = ReportStatus.Ended;
        EndedAt = now;
        UpdatedAt = now;
    }

    private void EnsureStatus(string step, params ReportStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidReportTransition,
                $"Only a report that is {string.Join(" or ", allowed.Select(s => s.ToWire()))} can be {step}; this one is {Status.ToWire()}.")
            {
                Facts = { ["status"] = Status.ToWire() },
            };
        }
    }
}
