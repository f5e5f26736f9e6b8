using Platform.Contracts;

namespace Platform.PartyBuilding.Contracts;

/// <summary>
/// A member's feedback report (双报告) for a quarter or a year, addressed to their workplace party organisation in another
/// district of the platform: <see cref="IntegrationEvent.TenantId"/> is the <b>receiving</b> district, which keeps the
/// report in the workplace's inbox. The only way a report crosses districts; neither reads the other's data.
/// </summary>
/// <remarks>
/// <see cref="FeedbackId"/> is stable: a redelivery, or the same report sent again, is kept once. The receiver
/// acknowledges with <see cref="MemberServiceFeedbackAcknowledgedIntegrationEvent"/>, addressed back to
/// <see cref="SendingTenantId"/>.
/// </remarks>
public sealed record MemberServiceFeedbackIntegrationEvent : IntegrationEvent
{
    /// <summary>The feedback report's id in the sending district.</summary>
    public required Guid FeedbackId { get; init; }

    /// <summary>The district that sends it, where the member is reported.</summary>
    public required Guid SendingTenantId { get; init; }

    /// <summary>The workplace party organisation's id in the receiving district.</summary>
    public required Guid WorkplaceOrganisationId { get; init; }

    /// <summary>The member's name, as their workplace knows them.</summary>
    public required string MemberName { get; init; }

    /// <summary>The community the member is reported to, by name.</summary>
    public required string CommunityName { get; init; }

    /// <summary>The period: <c>2026-Q4</c> or <c>2026</c>.</summary>
    public required string Period { get; init; }

    /// <summary>Minutes of service counted in the period.</summary>
    public required long Minutes { get; init; }

    /// <summary>Services counted.</summary>
    public required int Services { get; init; }

    /// <summary>The residents' average rating of the rated services, 1–5; null when none was rated.</summary>
    public required decimal? AverageRating { get; init; }

    /// <summary>The member's points for the period.</summary>
    public required long Points { get; init; }

    /// <summary>The sending district's points-rule version the points were computed with.</summary>
    public required int PointsRuleVersion { get; init; }

    /// <summary>Claimed posts and projects completed in the period (0 from senders that predate claims).</summary>
    public int CompletedClaims { get; init; }

    /// <summary>The community's grade for the period by wire name (<c>excellent</c>, <c>qualified</c>, <c>basically_qualified</c>, <c>unqualified</c>); null when it did not grade.</summary>
    public string? Grade { get; init; }

    /// <summary>The comment with the grade.</summary>
    public string? EvaluationComment { get; init; }
}

/// <summary>
/// The member's workplace acknowledged a feedback report it received from another district; addressed back to the
/// sending district (<see cref="IntegrationEvent.TenantId"/> is the district that sent the report).
/// </summary>
public sealed record MemberServiceFeedbackAcknowledgedIntegrationEvent : IntegrationEvent
{
    /// <summary>The feedback report's id in the sending district.</summary>
    public required Guid FeedbackId { get; init; }

    /// <summary>The district whose workplace acknowledged it.</summary>
    public required Guid AcknowledgingTenantId { get; init; }

    /// <summary>When it was acknowledged.</summary>
    public required DateTimeOffset AcknowledgedAt { get; init; }

    /// <summary>What the workplace said, if anything.</summary>
    public string? Note { get; init; }
}
