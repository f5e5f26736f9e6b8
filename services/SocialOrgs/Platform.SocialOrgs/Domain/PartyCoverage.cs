using System.Linq.Expressions;

namespace Platform.SocialOrgs.Domain;

/// <summary>How the party's work reaches an organisation (党建覆盖).</summary>
public enum PartyArrangement
{
    /// <summary>单独组建: the organisation's own party branch; needs at least three party members.</summary>
    OwnBranch,

    /// <summary>联合组建: a joint branch with other organisations.</summary>
    JointBranch,

    /// <summary>党建指导员: a party-building instructor assigned to it.</summary>
    Instructor,
}

/// <summary>What the party-coverage rule asks of an organisation.</summary>
public enum PartyRequirement
{
    /// <summary>Three or more party members: they form their own branch.</summary>
    OwnBranch,

    /// <summary>Fewer than three: a joint branch or a party-building instructor.</summary>
    JointBranchOrInstructor,
}

/// <summary>
/// The party-coverage rule (DOMAIN.md §4): an organisation with at least <see cref="OwnBranchThreshold"/> party
/// members forms its own branch; otherwise it joins a joint branch or gets a party-building instructor. Coverage is
/// missing while nothing fitting the organisation's party members is recorded.
/// </summary>
public static class PartyCoverage
{
    /// <summary>The fewest party members that form a branch of their own (党章: three formal members).</summary>
    public const int OwnBranchThreshold = 3;

    /// <summary>What an organisation with <paramref name="partyMembers"/> party members needs.</summary>
    public static PartyRequirement RequiredFor(int partyMembers) =>
        partyMembers >= OwnBranchThreshold ? PartyRequirement.OwnBranch : PartyRequirement.JointBranchOrInstructor;

    /// <summary>Whether <paramref name="arrangement"/> fulfils what <paramref name="partyMembers"/> party members need.</summary>
    public static bool Fulfils(PartyArrangement? arrangement, int partyMembers) =>
        arrangement is { } recorded && (recorded == PartyArrangement.OwnBranch) == (partyMembers >= OwnBranchThreshold);

    /// <summary>
    /// The organisations whose coverage is missing, as a query filter: the same rule as <see cref="Fulfils"/>, so the
    /// list of gaps is computed by the database.
    /// </summary>
    public static Expression<Func<Organisation, bool>> IsMissing { get; } = organisation =>
        organisation.PartyArrangement == null
        || (organisation.PartyArrangement == PartyArrangement.OwnBranch) != (organisation.PartyMemberCount >= OwnBranchThreshold);
}
