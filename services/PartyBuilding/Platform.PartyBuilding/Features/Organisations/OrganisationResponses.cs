using Platform.PartyBuilding.Domain;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>A community-side party organisation.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="Level">street_working_committee, community_committee, grid_branch or building_group.</param>
/// <param name="NodeId">The territory node it is attached to.</param>
/// <param name="ParentId">The organisation of the level above; null for a street working committee.</param>
/// <param name="CreatedAt">When it was established in the service.</param>
public sealed record PartyOrganisationResponse(Guid Id, string Name, PartyOrganisationLevel Level, Guid NodeId, Guid? ParentId, DateTimeOffset CreatedAt)
{
    public static PartyOrganisationResponse From(PartyOrganisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.Level, organisation.NodeId, organisation.ParentId, organisation.CreatedAt);
}

/// <summary>Where a workplace's records live.</summary>
/// <param name="Location">this_district, other_district or outside_platform.</param>
/// <param name="DistrictId">The other district's tenant id, for other_district.</param>
/// <param name="OrganisationId">The organisation's id in the other district, for other_district.</param>
public sealed record WorkplaceRecordsDto(WorkplaceRecordsLocation? Location, Guid? DistrictId, Guid? OrganisationId)
{
    /// <summary>The value; the request's validation has accepted it.</summary>
    public WorkplaceRecords ToRecords() => new(Location!.Value, DistrictId, OrganisationId);

    /// <summary>Why the records are unacceptable in shape, or null.</summary>
    public static string? Problem(WorkplaceRecordsDto? records) =>
        records?.Location is null ? "Where the workplace's records live is required." : records.ToRecords().Problem();

    public static WorkplaceRecordsDto From(WorkplaceRecords records) => new(records.Location, records.DistrictId, records.OrganisationId);
}

/// <summary>A workplace party organisation.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">government_organ, public_institution, state_enterprise, non_public_enterprise or social_organisation.</param>
/// <param name="StreetNodeId">The street of the district where it sits; null when it sits elsewhere.</param>
/// <param name="DeclaredMembers">The in-service party members it declares.</param>
/// <param name="Records">Where its own records live.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record WorkplaceResponse(
    Guid Id, string Name, WorkplaceKind Kind, Guid? StreetNodeId, int DeclaredMembers, WorkplaceRecordsDto Records, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WorkplaceResponse From(WorkplaceOrganisation workplace) => new(
        workplace.Id, workplace.Name, workplace.Kind, workplace.StreetNodeId, workplace.DeclaredMembers, WorkplaceRecordsDto.From(workplace.Records),
        workplace.CreatedAt, workplace.UpdatedAt);
}
