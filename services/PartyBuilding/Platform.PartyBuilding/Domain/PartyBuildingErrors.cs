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
}
