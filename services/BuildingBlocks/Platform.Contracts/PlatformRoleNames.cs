namespace Platform.Contracts;

/// <summary>
/// The role names that appear in access tokens' <c>role</c> claims. Identity grants them (and owns the rules
/// of who may grant what); every service authorizes by them.
/// </summary>
public static class PlatformRoleNames
{
    /// <summary>Runs the platform; a member of the <c>system</c> tenant only.</summary>
    public const string PlatformOperator = "platform-operator";

    /// <summary>Administers one district.</summary>
    public const string DistrictAdmin = "district-admin";

    /// <summary>Administers one street (街道) or township.</summary>
    public const string StreetAdmin = "street-admin";

    /// <summary>社区工作者: works for one community.</summary>
    public const string CommunityWorker = "community-worker";

    /// <summary>网格员: looks after one grid.</summary>
    public const string GridWorker = "grid-worker";

    /// <summary>A resident.</summary>
    public const string Resident = "resident";

    /// <summary>A property management company (person or machine client).</summary>
    public const string PropertyCompany = "property-company";

    /// <summary>A member of an owners' committee (业委会).</summary>
    public const string OwnersCommittee = "owners-committee";

    /// <summary>A social organisation.</summary>
    public const string SocialOrganisation = "social-org";

    /// <summary>An in-service party member reporting to their community.</summary>
    public const string PartyMember = "party-member";

    /// <summary>A time-bank volunteer.</summary>
    public const string Volunteer = "volunteer";
}
