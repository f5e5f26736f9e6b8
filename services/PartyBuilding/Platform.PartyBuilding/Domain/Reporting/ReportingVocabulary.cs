namespace Platform.PartyBuilding.Domain.Reporting;

/// <summary>Where a report (a member's 个人报到 or a unit's 单位报到) stands.</summary>
public enum ReportStatus
{
    /// <summary>Sent, waiting for the community (or the street) to confirm it.</summary>
    Submitted,

    /// <summary>Confirmed: the member (or unit) is reported.</summary>
    Confirmed,

    /// <summary>Returned with a reason; the member (or unit) may report again.</summary>
    Returned,

    /// <summary>Ended: the member moved away or the co-building agreement ended; the history stays.</summary>
    Ended,
}

/// <summary>Whether a party member is in service or retired (with their age, it decides the branch they are classified into).</summary>
public enum EmploymentStatus
{
    /// <summary>在职: in service.</summary>
    InService,

    /// <summary>退休: retired.</summary>
    Retired,
}

/// <summary>The branch a reported member is classified into (关爱型, 就业型, 服务型).</summary>
public enum MemberBranch
{
    /// <summary>关爱型: members aged 70 and over, whom the community looks after.</summary>
    Care,

    /// <summary>就业型: members in service.</summary>
    Employment,

    /// <summary>服务型: retired members under 70, who serve with their skills.</summary>
    Service,
}

/// <summary>What a workplace offers its street in a unit report.</summary>
public enum ResourceKind
{
    /// <summary>场地: a venue.</summary>
    Venue,

    /// <summary>资金: funds (the quantity is in yuan).</summary>
    Funds,

    /// <summary>技能: a skill or professional service.</summary>
    Skill,

    /// <summary>志愿者: volunteers (the quantity is a head count).</summary>
    Volunteers,
}
