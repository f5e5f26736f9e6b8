using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>
/// The registry of social organisations. Officials (district admins, street admins, community workers) see and keep
/// the organisations at home in their scope; a user of role <c>social-org</c> sees and manages only the organisations
/// they act for. Anything else answers 404, exactly like an organisation that does not exist.
/// </summary>
internal static class OrganisationEndpoints
{
    /// <summary>Policy: officials and the organisations' own users.</summary>
    public const string UsersPolicy = "socialorgs.users";

    /// <summary>Policy: the officials who keep the registry (filing, registration, who acts for an organisation).</summary>
    public const string OfficialsPolicy = "socialorgs.officials";

    /// <summary>Roles that keep the registry inside their territory scope.</summary>
    public static readonly string[] OfficialRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>Roles that use the registry: officials, and social organisations for themselves.</summary>
    public static readonly string[] UserRoles = [.. OfficialRoles, PlatformRoleNames.SocialOrganisation];

    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(UsersPolicy).WithTags("Registry");
        EnterOrganisation.Map(registry);
        ListOrganisations.Map(registry);
        GetOrganisation.Map(registry);
        UpdateOrganisation.Map(registry);
        FileOrganisation.Map(registry);
        RegisterOrganisation.Map(registry);
        ArrangePartyWork.Map(registry);
        ListPartyCoverageGaps.Map(registry);
        AddMember.Map(registry);
        RemoveMember.Map(registry);
        GetRegistryMetrics.Map(registry);
        return endpoints;
    }
}
