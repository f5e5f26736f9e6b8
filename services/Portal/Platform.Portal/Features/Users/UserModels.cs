using Platform.Contracts;

namespace Platform.Portal.Features.Users;

// Identity's members of the district as the users pages read them; roles stay wire names.

public sealed record UserView(
    Guid Id, string Login, string DisplayName, string? Phone, string Tenant, IReadOnlyList<string> Roles, Guid? ScopeNodeId, bool LockedOut, DateTimeOffset CreatedAt);

public sealed record UserPage(IReadOnlyList<UserView> Items, int Page, int PageSize, int Total);

/// <summary>The roles a district gives its members, with their Chinese names, in the order the pages offer them.</summary>
internal static class DistrictRoles
{
    public static IReadOnlyList<(string WireName, string Name)> All { get; } =
    [
        (PlatformRoleNames.DistrictAdmin, "区级管理员"), (PlatformRoleNames.StreetAdmin, "街道管理员"), (PlatformRoleNames.CommunityWorker, "社区工作者"),
        (PlatformRoleNames.GridWorker, "网格员"), (PlatformRoleNames.Resident, "居民"), (PlatformRoleNames.PropertyCompany, "物业公司"),
        (PlatformRoleNames.OwnersCommittee, "业委会"), (PlatformRoleNames.SocialOrganisation, "社会组织"), (PlatformRoleNames.PartyMember, "党员"),
        (PlatformRoleNames.Volunteer, "志愿者"),
    ];

    public static string Name(string wireName) => All.FirstOrDefault(role => role.WireName == wireName).Name ?? wireName;
}

/// <summary>A member's roles and territory scope (by the scope node's code), as the membership and new-user forms post them.</summary>
public class MembershipForm
{
    public List<string> Roles { get; set; } = [];

    /// <summary>The code of the node the member is limited to; blank for the whole district.</summary>
    public string? ScopeCode { get; set; }
}

public sealed class NewUserForm : MembershipForm
{
    public string? Login { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public string? Phone { get; set; }

    public object ToRequest(Guid? scopeNodeId) => new
    {
        login = FormText.Trimmed(Login), displayName = FormText.Trimmed(DisplayName), password = Password, phone = FormText.Trimmed(Phone), roles = Roles, scopeNodeId,
    };
}

/// <summary>A machine client of the district (a property company's system); its secret only in the answer to the registration.</summary>
public sealed record MachineClientView(
    string ClientId, string? ClientSecret, string DisplayName, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles, Guid? ScopeNodeId,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

public sealed record MachineClientPage(IReadOnlyList<MachineClientView> Items, int Page, int PageSize, int Total);

/// <summary>A new machine client as the registration form posts it.</summary>
public sealed class MachineClientForm : MembershipForm
{
    /// <summary>The API scopes a machine client may ask for, with what they allow.</summary>
    public static IReadOnlyList<(string WireName, string Name)> ScopeChoices { get; } =
        [("property", "物业工单"), ("demands.read", "读取诉求"), ("demands.write", "办理诉求"), ("api", "全部接口")];

    public string? DisplayName { get; set; }

    public List<string> Scopes { get; set; } = [];

    public object ToRequest(Guid? scopeNodeId) => new { displayName = FormText.Trimmed(DisplayName), scopes = Scopes, roles = Roles, scopeNodeId };
}
