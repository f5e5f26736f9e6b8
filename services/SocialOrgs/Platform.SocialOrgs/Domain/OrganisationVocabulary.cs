namespace Platform.SocialOrgs.Domain;

/// <summary>What a community social organisation does (DOMAIN.md §4).</summary>
public enum OrganisationKind
{
    /// <summary>兴趣类: interest groups (choirs, dance teams, calligraphy).</summary>
    Interest,

    /// <summary>互助类: mutual aid among residents.</summary>
    MutualAid,

    /// <summary>公益类: public welfare.</summary>
    PublicWelfare,

    /// <summary>专业服务类: professional services (social work, counselling, legal aid).</summary>
    ProfessionalService,
}

/// <summary>Where an organisation stands in the registry; it only moves forward, one step at a time.</summary>
public enum OrganisationStatus
{
    /// <summary>Known to the community, not yet on any register.</summary>
    Unregistered,

    /// <summary>备案: filed at the street or community (most community organisations live here).</summary>
    Filed,

    /// <summary>登记: registered with civil affairs, with a unified social credit code.</summary>
    Registered,
}

/// <summary>The legal form a registered organisation takes at civil affairs.</summary>
public enum LegalForm
{
    /// <summary>社会团体: a membership association (credit code type character 1).</summary>
    SocialGroup,

    /// <summary>社会服务机构 (formerly 民办非企业单位): a non-profit service provider (credit code type character 2).</summary>
    SocialServiceAgency,
}

/// <summary>The fields an organisation serves, the same list funding calls name.</summary>
public enum ServiceCategory
{
    /// <summary>为老: the elderly.</summary>
    Elderly,

    /// <summary>儿童: children and youth.</summary>
    Children,

    /// <summary>助残: people with disabilities.</summary>
    Disabled,

    /// <summary>环保: environment.</summary>
    Environment,

    /// <summary>文体: culture and sport.</summary>
    Culture,

    /// <summary>邻里互助: mutual aid.</summary>
    MutualAid,

    /// <summary>健康: health.</summary>
    Health,

    /// <summary>教育: education.</summary>
    Education,

    /// <summary>社区治理: community governance and deliberation.</summary>
    CommunityGovernance,

    /// <summary>其他: anything else.</summary>
    Other,
}
