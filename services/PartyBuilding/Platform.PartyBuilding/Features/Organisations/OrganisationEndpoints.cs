using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>
/// The party organisations: the community side attached to the territory (street working committee → community party
/// committee → grid branch → building group) and the workplace organisations in-service members belong to. Officials
/// keep those inside their territory scope; anything else answers 404, exactly like one that does not exist.
/// </summary>
internal static class OrganisationEndpoints
{
    /// <summary>Policy: the officials who keep the party organisations inside their scope.</summary>
    public const string OfficialsPolicy = "partybuilding.officials";

    /// <summary>Roles that keep the party organisations inside their territory scope.</summary>
    public static readonly string[] OfficialRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var organisations = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(OfficialsPolicy).WithTags("Organisations");
        EstablishOrganisation.Map(organisations);
        ListOrganisations.Map(organisations);
        GetOrganisation.Map(organisations);
        RegisterWorkplace.Map(organisations);
        ListWorkplaces.Map(organisations);
        GetWorkplace.Map(organisations);
        UpdateWorkplace.Map(organisations);
        return endpoints;
    }
}
