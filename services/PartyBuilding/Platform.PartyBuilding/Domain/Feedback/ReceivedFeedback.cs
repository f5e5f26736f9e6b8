using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Domain.Feedback;

/// <summary>
/// A feedback report another district sent to one of this district's workplace party organisations about its member
/// reported there: the receiving side of 双报告, kept once per report whatever the deliveries. The workplace (its
/// officials here) acknowledges it, which goes back to the sending district.
/// </summary>
public sealed class ReceivedFeedback : ITenantOwned, ITerritoryPlaced
{
    private ReceivedFeedback()
    {
    }

    /// <summary>The feedback report's id in the sending district.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The sending district.</summary>
    public Guid SendingTenantId { get; private set; }

    /// <summary>The workplace it is addressed to, one of this district's.</summary>
    public Guid WorkplaceId { get; private set; }

    /// <summary>The workplace's path: the officials who keep the workplace see its inbox.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The member's name.</summary>
    public string MemberName { get; private set; } = "";

    /// <summary>The community the member is reported to.</summary>
    public string CommunityName { get; private set; } = "";

    /// <summary>The period.</summary>
    public string Period { get; private set; } = "";

    /// <summary>What it tells the workplace.</summary>
    public FeedbackFigures Figures { get; private set; } = null!;

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When the workplace acknowledged it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    /// <summary>Who acknowledged it.</summary>
    public string? AcknowledgedBy { get; private set; }

    /// <summary>What the workplace said.</summary>
    public string? Note { get; private set; }

    /// <summary>The report as it arrived for <paramref name="workplace"/> (null when the district does not know it: then the district's own officials keep it).</summary>
    public static ReceivedFeedback Receive(
        Guid feedbackId, Guid sendingTenantId, Guid workplaceId, WorkplaceOrganisation? workplace, string memberName, string communityName, string period,
        FeedbackFigures figures, DateTimeOffset now) => new()
    {
        Id = feedbackId,
        SendingTenantId = sendingTenantId,
        WorkplaceId = workplaceId,
        NodePath = workplace?.NodePath ?? TerritoryPath.Root,
        MemberName = memberName,
        CommunityName = communityName,
        Period = period,
        Figures = figures,
        ReceivedAt = now,
    };

    /// <summary>The workplace acknowledges the report.</summary>
    /// <exception cref="DomainException">It did already.</exception>
    public void Acknowledge(string acknowledgedBy, string? note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(acknowledgedBy);
        if (FeedbackReport.NoteProblem(note) is { } problem)
        {
            throw new ArgumentException(problem, nameof(note));
        }

        if (AcknowledgedAt is not null)
        {
            throw new DomainException(PartyBuildingErrors.FeedbackAlreadyAcknowledged, $"Acknowledged already, on {AcknowledgedAt:yyyy-MM-dd}.");
        }

        AcknowledgedAt = now;
        AcknowledgedBy = acknowledgedBy;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
