using Platform.Domain;

namespace Platform.Property.Domain;

/// <summary>Every refusal of the property service, each code with its kind, declared once.</summary>
public static class PropertyErrors
{
    /// <summary>404: no property management area with that id in the caller's scope.</summary>
    public static readonly DomainError AreaNotFound = DomainError.NotFound("property.area_not_found");

    /// <summary>409: another area already has that code.</summary>
    public static readonly DomainError AreaCodeTaken = DomainError.Conflict("property.area_code_taken");

    /// <summary>409: a compound or building named belongs to another area already.</summary>
    public static readonly DomainError NodeInAnotherArea = DomainError.Conflict("property.node_in_another_area");

    /// <summary>400: a node named is not a compound or building of the caller's territory.</summary>
    public static readonly DomainError NodeNotCoverable = DomainError.Invalid("property.node_not_coverable");

    /// <summary>409: the area has a unit with that code already.</summary>
    public static readonly DomainError UnitCodeTaken = DomainError.Conflict("property.unit_code_taken");

    /// <summary>400: the unit's building is not one the area covers.</summary>
    public static readonly DomainError BuildingOutsideArea = DomainError.Invalid("property.building_outside_area");

    /// <summary>409: the roll changed at the same moment (the same new owner's units registered at once); send again.</summary>
    public static readonly DomainError RollChanged = DomainError.Conflict("property.roll_changed");

    /// <summary>409: the area's developer (建设单位) is another company.</summary>
    public static readonly DomainError DeveloperMismatch = DomainError.Conflict("property.developer_mismatch");

    /// <summary>404: no owner with that id in the caller's scope.</summary>
    public static readonly DomainError OwnerNotFound = DomainError.NotFound("property.owner_not_found");

    /// <summary>404: no vote with that id in the caller's scope.</summary>
    public static readonly DomainError VoteNotFound = DomainError.NotFound("property.vote_not_found");

    /// <summary>409: the vote is not in a state that allows this.</summary>
    public static readonly DomainError VoteNotOpen = DomainError.Conflict("property.vote_not_open");

    /// <summary>409: the vote was opened already, or has closed.</summary>
    public static readonly DomainError VoteNotDraft = DomainError.Conflict("property.vote_not_draft");

    /// <summary>409: someone else opened or closed the vote at the same moment.</summary>
    public static readonly DomainError VoteChanged = DomainError.Conflict("property.vote_changed");

    /// <summary>409: the vote has not closed yet, so who voted how is not shown.</summary>
    public static readonly DomainError VoteNotClosed = DomainError.Conflict("property.vote_not_closed");

    /// <summary>409: the vote's closing time has passed, so it can no longer be opened.</summary>
    public static readonly DomainError VoteExpired = DomainError.Conflict("property.vote_expired");

    /// <summary>400: a vote closes before it opens, or in the past.</summary>
    public static readonly DomainError VoteSchedule = DomainError.Invalid("property.vote_schedule");

    /// <summary>400: a ballot does not answer every matter of the vote exactly once.</summary>
    public static readonly DomainError BallotChoices = DomainError.Invalid("property.ballot_choices");

    /// <summary>400: a paper or proxy ballot lacks its scan, or a proxy ballot the proxy's holder.</summary>
    public static readonly DomainError BallotRecord = DomainError.Invalid("property.ballot_record");

    /// <summary>404: no unit with that code in the vote's area.</summary>
    public static readonly DomainError UnitNotFound = DomainError.NotFound("property.unit_not_found");

    /// <summary>409: the owner has a ballot in this vote already, on whatever channel.</summary>
    public static readonly DomainError AlreadyVoted = DomainError.Conflict("property.already_voted");

    /// <summary>403: an online ballot is cast by the owner themself, a paper or proxy ballot by someone entering it for the area.</summary>
    public static readonly DomainError BallotForbidden = DomainError.Forbidden("property.ballot_forbidden");

    /// <summary>403: only the area's owners'-committee members and those who keep the area close a vote early.</summary>
    public static readonly DomainError CloseForbidden = DomainError.Forbidden("property.vote_close_forbidden");

    /// <summary>400: a tenant rule would let a decision pass that the Civil Code refuses.</summary>
    public static readonly DomainError RuleLooserThanLaw = DomainError.Invalid("property.rule_looser_than_law");

    /// <summary>409: the spending cites no closed vote in which that maintenance-fund matter passed, or exceeds what it approved.</summary>
    public static readonly DomainError FundSpendingWithoutResolution = DomainError.Conflict("property.fund_spending_without_resolution");

    /// <summary>409: a preliminary contract cannot replace the owners' own.</summary>
    public static readonly DomainError ContractOrder = DomainError.Conflict("property.contract_order");

    /// <summary>404: no company with that id in the district.</summary>
    public static readonly DomainError CompanyNotFound = DomainError.NotFound("property.company_not_found");

    /// <summary>409: another company has that code, credit code or machine client.</summary>
    public static readonly DomainError CompanyTaken = DomainError.Conflict("property.company_taken");

    /// <summary>404: no work order with that id that the caller can see.</summary>
    public static readonly DomainError WorkOrderNotFound = DomainError.NotFound("property.work_order_not_found");

    /// <summary>409: the work order's status does not allow that step.</summary>
    public static readonly DomainError WorkOrderTransition = DomainError.Conflict("property.work_order_transition");

    /// <summary>400: rejecting a work order needs a reason.</summary>
    public static readonly DomainError RejectionReason = DomainError.Invalid("property.rejection_reason");

    /// <summary>404: no committee with that id in the caller's scope.</summary>
    public static readonly DomainError CommitteeNotFound = DomainError.NotFound("property.committee_not_found");

    /// <summary>409: the committee's stage does not allow that step.</summary>
    public static readonly DomainError CommitteeStep = DomainError.Conflict("property.committee_step");

    /// <summary>409: the area has a committee of that kind under way, or an active committee, already.</summary>
    public static readonly DomainError CommitteeUnderWay = DomainError.Conflict("property.committee_under_way");

    /// <summary>400: a preparatory group, interim committee, candidate list or seat count breaks the composition rules.</summary>
    public static readonly DomainError CommitteeComposition = DomainError.Invalid("property.committee_composition");

    /// <summary>400: a committee's term is longer than allowed, or over already.</summary>
    public static readonly DomainError CommitteeTerm = DomainError.Invalid("property.committee_term");

    /// <summary>400: a request to the integration endpoint is not a CloudEvent of a type it knows.</summary>
    public static readonly DomainError CloudEventRefused = DomainError.Invalid("property.cloud_event_refused");

    /// <summary>400: a webhook URL is malformed, not https, or reaches a private, loopback or link-local address.</summary>
    public static readonly DomainError WebhookUrlRefused = DomainError.Invalid("property.webhook_url_refused");

    /// <summary>400: a webhook names no event type.</summary>
    public static readonly DomainError WebhookEventTypes = DomainError.Invalid("property.webhook_event_types");

    /// <summary>404: no webhook (or delivery) with that id of the caller's company.</summary>
    public static readonly DomainError WebhookNotFound = DomainError.NotFound("property.webhook_not_found");

    /// <summary>409: the webhook was removed.</summary>
    public static readonly DomainError WebhookRemoved = DomainError.Conflict("property.webhook_removed");

    /// <summary>409: the delivery is still being attempted, so there is nothing to redeliver yet.</summary>
    public static readonly DomainError WebhookDeliveryPending = DomainError.Conflict("property.webhook_delivery_pending");

    /// <summary>403: the machine client is not the registered client of any company of the district.</summary>
    public static readonly DomainError NotACompanyClient = DomainError.Forbidden("property.not_a_company_client");

    /// <summary>400: a project manager's day of taking office or of reporting is in the future, or out of order.</summary>
    public static readonly DomainError AppointmentDate = DomainError.Invalid("property.appointment_date");

    /// <summary>409: the project manager's report was recorded already.</summary>
    public static readonly DomainError AlreadyReported = DomainError.Conflict("property.already_reported");

    /// <summary>404: no project manager appointment with that id that the caller can see.</summary>
    public static readonly DomainError AppointmentNotFound = DomainError.NotFound("property.appointment_not_found");

    /// <summary>400: a statement's period, lines or amounts are unacceptable.</summary>
    public static readonly DomainError StatementInvalid = DomainError.Invalid("property.statement_invalid");

    /// <summary>409: the area has a statement of that kind for that period already.</summary>
    public static readonly DomainError StatementExists = DomainError.Conflict("property.statement_exists");
}
