namespace Platform.PartyBuilding.Domain;

/// <summary>
/// The levels of the community-side party organisation (DOMAIN.md §6), from the top down; each one is attached to a
/// territory node of its own kind and sits under the level above it on an ancestor node.
/// </summary>
public enum PartyOrganisationLevel
{
    /// <summary>街道党工委: the street's party working committee, on a street, township or town.</summary>
    StreetWorkingCommittee,

    /// <summary>社区党委: the community party committee, on a community or village.</summary>
    CommunityCommittee,

    /// <summary>网格党支部: the grid party branch, on a grid.</summary>
    GridBranch,

    /// <summary>楼栋党小组: the building party group, on a building.</summary>
    BuildingGroup,
}

/// <summary>What kind of workplace a workplace party organisation belongs to (机关, 企事业单位, 两新组织).</summary>
public enum WorkplaceKind
{
    /// <summary>机关: a party or government organ.</summary>
    GovernmentOrgan,

    /// <summary>事业单位: a public institution (school, hospital, research institute).</summary>
    PublicInstitution,

    /// <summary>国有企业: a state-owned enterprise.</summary>
    StateEnterprise,

    /// <summary>非公有制经济组织: a non-public enterprise (两新组织, new economic organisation).</summary>
    NonPublicEnterprise,

    /// <summary>社会组织: a social organisation (两新组织, new social organisation).</summary>
    SocialOrganisation,
}

/// <summary>Where a workplace party organisation's own records live, which decides how feedback reaches it.</summary>
public enum WorkplaceRecordsLocation
{
    /// <summary>In this district: feedback is delivered inside the service.</summary>
    ThisDistrict,

    /// <summary>In another district on the platform: feedback crosses to that district (its tenant) as an addressed event.</summary>
    OtherDistrict,

    /// <summary>Outside the platform: feedback is exported and its acknowledgement recorded by hand.</summary>
    OutsidePlatform,
}
