using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.Residents.Features.Residents;

/// <summary>
/// The resident master record. Community workers see and change the residents of their community, street
/// admins of their street, district admins of the district; a resident outside the caller's scope answers 404
/// exactly like one that does not exist. ID numbers and phones leave the service masked, except through the
/// audited reveal.
/// </summary>
internal static class ResidentEndpoints
{
    /// <summary>Policy: the community workers and administrators who keep the record.</summary>
    public const string KeepersPolicy = "residents.keepers";

    /// <summary>Policy: who may query the personal-data access log.</summary>
    public const string AuditorsPolicy = "residents.auditors";

    /// <summary>Roles that keep the record inside their scope.</summary>
    public static readonly string[] KeeperRoles =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker, PlatformRoleNames.GridWorker];

    public static IEndpointRouteBuilder MapResidentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var residents = endpoints.MapGroup("/api/residents").RequireTenant().RequireAuthorization(KeepersPolicy).WithTags("Residents");
        RegisterResident.Map(residents);
        SearchResidents.Map(residents);
        GetResident.Map(residents);
        UpdateResident.Map(residents);
        MoveResident.Map(residents);
        ChangeResidentTags.Map(residents);
        GetHousehold.Map(residents);
        MoveHousehold.Map(residents);
        PersonalDataAuditLog.Map(residents);
        ResidentAccount.Map(residents);
        return endpoints;
    }
}
