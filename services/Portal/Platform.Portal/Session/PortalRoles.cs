using System.Security.Claims;
using Platform.Contracts;

namespace Platform.Portal.Session;

/// <summary>Who may open which part of the portal, by the roles of their membership in the district they signed in to.</summary>
internal static class PortalRoles
{
    /// <summary>Pages of the back office (workbench, territory, registry, dashboards).</summary>
    public const string BackOfficePolicy = "back-office";

    /// <summary>The residents' own pages.</summary>
    public const string ResidentPolicy = "resident";

    /// <summary>The district's audit trail (district admins).</summary>
    public const string AuditorPolicy = "auditor";

    /// <summary>The users and roles pages (district and street admins and community workers, who manage the members of their part).</summary>
    public const string UserManagerPolicy = "user-manager";

    /// <summary>The platform operator's pages (districts).</summary>
    public const string OperatorPolicy = "operator";

    public const string RoleClaim = "role";
    public const string NameClaim = "name";
    public const string TenantClaim = "tenant";

    /// <summary>The administrative ladder: everyone who works on the platform rather than takes part in it.</summary>
    public static IReadOnlyList<string> BackOffice { get; } =
    [
        PlatformRoleNames.PlatformOperator, PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin,
        PlatformRoleNames.CommunityWorker, PlatformRoleNames.GridWorker,
    ];

    /// <summary>Who may see a resident's ID number and phone in clear (with a reason, audited), as the residents service allows.</summary>
    public static IReadOnlyList<string> PersonalDataRevealers { get; } =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>Who manages members of their part of the district, as Identity allows.</summary>
    public static IReadOnlyList<string> UserManagers { get; } =
        [PlatformRoleNames.DistrictAdmin, PlatformRoleNames.StreetAdmin, PlatformRoleNames.CommunityWorker];

    /// <summary>Whether <paramref name="user"/> works in the back office.</summary>
    public static bool IsBackOffice(this ClaimsPrincipal user) => BackOffice.Any(user.IsInRole);
}
