using Platform.Domain;

namespace Platform.PartyBuilding.Domain;

/// <summary>Every refusal of the party-building service, each code with its kind, declared once.</summary>
public static class PartyBuildingErrors
{
    /// <summary>404: no community-side party organisation with that id in the caller's area.</summary>
    public static readonly DomainError OrganisationNotFound = DomainError.NotFound("partybuilding.organisation_not_found");

    /// <summary>400: a node that is not in the caller's area, is retired, or is not of the kind the level is attached to.</summary>
    public static readonly DomainError InvalidNode = DomainError.Invalid("partybuilding.invalid_node");

    /// <summary>409: the level above has no organisation on an ancestor of the node yet.</summary>
    public static readonly DomainError ParentOrganisationMissing = DomainError.Conflict("partybuilding.parent_organisation_missing");

    /// <summary>409: the node has its party organisation already.</summary>
    public static readonly DomainError NodeHasOrganisation = DomainError.Conflict("partybuilding.node_has_organisation");

    /// <summary>404: no workplace party organisation with that id in the caller's area.</summary>
    public static readonly DomainError WorkplaceNotFound = DomainError.NotFound("partybuilding.workplace_not_found");

    /// <summary>400: a street that is not a street, township or town of the caller's area, or is retired.</summary>
    public static readonly DomainError InvalidStreet = DomainError.Invalid("partybuilding.invalid_street");

    /// <summary>400: where the records live does not fit what is given (a workplace of this district without a street, another district without its id).</summary>
    public static readonly DomainError InvalidRecordsLocation = DomainError.Invalid("partybuilding.invalid_records_location");

    /// <summary>400: the district named as the records' home is not another district on the platform.</summary>
    public static readonly DomainError UnknownDistrict = DomainError.Invalid("partybuilding.unknown_district");

    /// <summary>404: no report with that id that the caller may see.</summary>
    public static readonly DomainError ReportNotFound = DomainError.NotFound("partybuilding.report_not_found");

    /// <summary>409: the report's status does not allow the step (confirming a returned report, returning a confirmed one).</summary>
    public static readonly DomainError InvalidReportTransition = DomainError.Conflict("partybuilding.invalid_report_transition");

    /// <summary>409: the member is reported to a community already (or waits for one to confirm); one community at a time.</summary>
    public static readonly DomainError AlreadyReported = DomainError.Conflict("partybuilding.already_reported");

    /// <summary>409: the commitment signed is not the district's current version (or the district has published none).</summary>
    public static readonly DomainError CommitmentNotCurrent = DomainError.Conflict("partybuilding.commitment_not_current");

    /// <summary>404: the district has published no commitment text yet.</summary>
    public static readonly DomainError CommitmentNotPublished = DomainError.NotFound("partybuilding.commitment_not_published");

    /// <summary>400: the workplace named is not one of the district's workplace party organisations.</summary>
    public static readonly DomainError InvalidWorkplace = DomainError.Invalid("partybuilding.invalid_workplace");

    /// <summary>409: the workplace has a unit report waiting or an agreement running with its street already.</summary>
    public static readonly DomainError UnitAlreadyReported = DomainError.Conflict("partybuilding.unit_already_reported");

    /// <summary>400: a unit report for a workplace that sits in no street of the district, or an agreement whose term is wrong.</summary>
    public static readonly DomainError InvalidAgreement = DomainError.Invalid("partybuilding.invalid_agreement");

    /// <summary>404: no service record with that id that the caller may see.</summary>
    public static readonly DomainError ServiceRecordNotFound = DomainError.NotFound("partybuilding.service_record_not_found");

    /// <summary>409: service counts only for a member whose report the community confirmed.</summary>
    public static readonly DomainError MemberNotReported = DomainError.Conflict("partybuilding.member_not_reported");

    /// <summary>400: service recorded before it has taken place.</summary>
    public static readonly DomainError InvalidServiceSpan = DomainError.Invalid("partybuilding.invalid_service_span");

    /// <summary>409: the service record's credit was reversed; it counts for nothing and is not rated.</summary>
    public static readonly DomainError ServiceRecordReversed = DomainError.Conflict("partybuilding.service_record_reversed");

    /// <summary>404: the district has published no points rules yet.</summary>
    public static readonly DomainError PointsRuleNotPublished = DomainError.NotFound("partybuilding.points_rule_not_published");

    /// <summary>409: another version of the points rules was published at the same moment.</summary>
    public static readonly DomainError PointsRuleConflict = DomainError.Conflict("partybuilding.points_rule_conflict");

    /// <summary>409: feedback for a period that has not ended yet.</summary>
    public static readonly DomainError PeriodNotEnded = DomainError.Conflict("partybuilding.period_not_ended");

    /// <summary>404: no feedback report with that id that the caller may see.</summary>
    public static readonly DomainError FeedbackNotFound = DomainError.NotFound("partybuilding.feedback_not_found");

    /// <summary>409: the feedback report was acknowledged already.</summary>
    public static readonly DomainError FeedbackAlreadyAcknowledged = DomainError.Conflict("partybuilding.feedback_already_acknowledged");

    /// <summary>409: the feedback went to a workplace in another district, whose own acknowledgement comes back by itself.</summary>
    public static readonly DomainError FeedbackAcknowledgedElsewhere = DomainError.Conflict("partybuilding.feedback_acknowledged_elsewhere");

    /// <summary>404: no opening (need, post or project) with that id that the caller may see.</summary>
    public static readonly DomainError OpeningNotFound = DomainError.NotFound("partybuilding.opening_not_found");

    /// <summary>409: every place of the opening is taken by a waiting or confirmed claim.</summary>
    public static readonly DomainError OpeningFull = DomainError.Conflict("partybuilding.opening_full");

    /// <summary>409: the opening's term is over, or the term asked lies outside it.</summary>
    public static readonly DomainError InvalidOpeningTerm = DomainError.Conflict("partybuilding.invalid_opening_term");

    /// <summary>409: the member or unit holds a place on the opening already.</summary>
    public static readonly DomainError AlreadyClaimed = DomainError.Conflict("partybuilding.already_claimed");

    /// <summary>409: a unit claims only once its street confirmed its unit report, in that street.</summary>
    public static readonly DomainError UnitNotReported = DomainError.Conflict("partybuilding.unit_not_reported");

    /// <summary>404: no claim with that id that the caller may see.</summary>
    public static readonly DomainError ClaimNotFound = DomainError.NotFound("partybuilding.claim_not_found");

    /// <summary>409: the claim's status does not allow the step (confirming a declined claim, completing one not confirmed).</summary>
    public static readonly DomainError InvalidClaimTransition = DomainError.Conflict("partybuilding.invalid_claim_transition");

    /// <summary>409: the day a claim's outcome is recorded for does not fit (in the future, a completion before the claim started, an abandonment after it ended).</summary>
    public static readonly DomainError InvalidClaimOutcome = DomainError.Conflict("partybuilding.invalid_claim_outcome");

    /// <summary>409: a grade for a period that has not begun yet.</summary>
    public static readonly DomainError PeriodNotBegun = DomainError.Conflict("partybuilding.period_not_begun");

    /// <summary>409: the member (or the pair and direction) is graded for the period already.</summary>
    public static readonly DomainError AlreadyEvaluated = DomainError.Conflict("partybuilding.already_evaluated");
}
