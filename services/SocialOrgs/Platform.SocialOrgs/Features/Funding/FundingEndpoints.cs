using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Funding;

/// <summary>
/// Venture philanthropy and purchased services: the district's funding calls, which every user of the service reads,
/// and the organisations' proposals, which officials see for the organisations of their scope and an organisation's users
/// for their own.
/// </summary>
internal static class FundingEndpoints
{
    /// <summary>Policy: those who open calls on behalf of the district's or a street's units, or of a foundation they record.</summary>
    public const string FundersPolicy = "socialorgs.funders";

    /// <summary>Roles that open funding calls.</summary>
    public static readonly string[] FunderRoles = [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin];

    public static IEndpointRouteBuilder MapFundingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var funding = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(OrganisationEndpoints.UsersPolicy).WithTags("Funding");
        OpenCall.Map(funding);
        ListCalls.Map(funding);
        GetCall.Map(funding);
        WriteProposal.Map(funding);
        SubmitProposal.Map(funding);
        GetProposal.Map(funding);
        ListProposals.Map(funding);
        return endpoints;
    }
}
