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
}
