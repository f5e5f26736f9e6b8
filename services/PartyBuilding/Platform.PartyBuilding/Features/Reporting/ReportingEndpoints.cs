using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Features.Organisations;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>
/// Dual reporting (双报到): a party member reports to the community where they live and the community confirms or returns
/// the report; a workplace reports to the street where it sits and the street confirms or returns it. Officials see the
/// reports sent inside their scope, a member only their own; anything else answers 404.
/// </summary>
internal static class ReportingEndpoints
{
    /// <summary>Policy: in-service party members, for themselves.</summary>
    public const string MembersPolicy = "partybuilding.members";

    /// <summary>Policy: officials and party members (what each sees is decided per request).</summary>
    public const string ReadersPolicy = "partybuilding.readers";

    /// <summary>Policy: the district's administrators, who publish the commitment text.</summary>
    public const string DistrictAdminsPolicy = "partybuilding.district_admins";

    /// <summary>Roles that read reports: officials, and members for themselves.</summary>
    public static readonly string[] ReaderRoles = [.. OrganisationEndpoints.OfficialRoles, PlatformRoleNames.PartyMember];

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reporting = endpoints.MapGroup("/api/partybuilding").RequireTenant().RequireAuthorization(ReadersPolicy).WithTags("Reporting");
        Commitment.Map(reporting);
        SubmitMemberReport.Map(reporting);
        MemberReports.Map(reporting);
        UnitReports.Map(reporting);
        DecideReport.Map(reporting);
        return endpoints;
    }
}
