using Platform.Contracts;

namespace Platform.Identity.Domain;

/// <summary>
/// The roles a membership can carry, and who may grant them. Administrative roles form a ladder
/// (platform operator, district admin, street admin, community worker, grid worker); the participant roles
/// (resident, property company, …) sit below every rung, so anyone who may manage users may grant them.
/// </summary>
public static class PlatformRoles
{
    /// <summary>Runs the platform; a member of the <c>system</c> tenant only.</summary>
    public const string PlatformOperator = PlatformRoleNames.PlatformOperator;

    /// <summary>Administers one district.</summary>
    public const string DistrictAdmin = PlatformRoleNames.DistrictAdmin;

    /// <summary>Administers one street (街道) or township.</summary>
    public const string StreetAdmin = PlatformRoleNames.StreetAdmin;

    /// <summary>社区工作者: works for one community.</summary>
    public const string CommunityWorker = PlatformRoleNames.CommunityWorker;

    /// <summary>网格员: looks after one grid.</summary>
    public const string GridWorker = PlatformRoleNames.GridWorker;

    /// <summary>A resident.</summary>
    public const string Resident = PlatformRoleNames.Resident;

    /// <summary>A property management company (person or machine client).</summary>
    public const string PropertyCompany = PlatformRoleNames.PropertyCompany;

    /// <summary>A member of an owners' committee (业委会).</summary>
    public const string OwnersCommittee = PlatformRoleNames.OwnersCommittee;

    /// <summary>A social organisation.</summary>
    public const string SocialOrganisation = PlatformRoleNames.SocialOrganisation;

    /// <summary>An in-service party member reporting to their community.</summary>
    public const string PartyMember = PlatformRoleNames.PartyMember;

    /// <summary>A time-bank volunteer.</summary>
    public const string Volunteer = PlatformRoleNames.Volunteer;

    /// <summary>Roles that may create users and register clients (within their rank and territory).</summary>
    public static IReadOnlyList<string> UserManagers { get; } = [PlatformOperator, DistrictAdmin, StreetAdmin, CommunityWorker];

    private const int ParticipantRank = 0;

    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        [PlatformOperator] = 5,
        [DistrictAdmin] = 4,
        [StreetAdmin] = 3,
        [CommunityWorker] = 2,
        [GridWorker] = 1,
        [Resident] = ParticipantRank,
        [PropertyCompany] = ParticipantRank,
        [OwnersCommittee] = ParticipantRank,
        [SocialOrganisation] = ParticipantRank,
        [PartyMember] = ParticipantRank,
        [Volunteer] = ParticipantRank,
    };

    /// <summary>Every role name, in ladder order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Ranks.Keys];

    /// <summary>Whether <paramref name="role"/> is a role this platform knows.</summary>
    public static bool IsKnown(string role) => Ranks.ContainsKey(role);

    /// <summary>
    /// Whether someone holding <paramref name="granterRoles"/> may grant <paramref name="role"/>: a user manager
    /// may grant any role at or below its own highest rung. Nobody grants <see cref="PlatformOperator"/> through
    /// the API; operators come from configuration.
    /// </summary>
    public static bool CanGrant(IEnumerable<string> granterRoles, string role)
    {
        ArgumentNullException.ThrowIfNull(granterRoles);
        if (role == PlatformOperator || !Ranks.TryGetValue(role, out var rank))
        {
            return false;
        }

        var granter = granterRoles.Where(UserManagers.Contains).Select(r => Ranks[r]).DefaultIfEmpty(-1).Max();
        return granter >= 0 && rank <= granter;
    }
}
