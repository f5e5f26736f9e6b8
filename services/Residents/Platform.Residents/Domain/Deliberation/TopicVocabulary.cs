namespace Platform.Residents.Domain.Deliberation;

/// <summary>
/// Where a topic (议题) stands in the 集 → 议 → 决 → 督 → 评 loop; see <see cref="TopicTransitions"/> for what may follow
/// each status.
/// </summary>
public enum TopicStatus
{
    /// <summary>集: raised, waiting to be classified and routed.</summary>
    Raised,

    /// <summary>集: a shared matter for the residents, gathering support until it reaches the agenda threshold.</summary>
    Collecting,

    /// <summary>议: enough residents support it; it goes to a meeting (议事) and a vote.</summary>
    OnAgenda,

    /// <summary>决: the electorate is voting.</summary>
    Voting,

    /// <summary>决: the vote passed; waiting for the task to be assigned.</summary>
    Adopted,

    /// <summary>决: the vote failed; the matter rests.</summary>
    Rejected,

    /// <summary>督: the task is being carried out and supervised.</summary>
    InExecution,

    /// <summary>评: the task is done; residents rate the result.</summary>
    Completed,

    /// <summary>A big matter handed to the street as a demand of channel <c>deliberation</c> (大事政府办).</summary>
    Referred,

    /// <summary>A private matter, for the household itself; dismissed with the reason.</summary>
    Dismissed,
}

/// <summary>What can be done to a topic; each name is one word, its URL segment and its history action.</summary>
public enum TopicAction
{
    /// <summary>Classifies the topic (自治事项 or 协助事项) and routes it by scale.</summary>
    Classify,

    /// <summary>A resident supports the topic.</summary>
    Support,

    /// <summary>Opens the vote on a topic on the agenda.</summary>
    Open,

    /// <summary>Records one voter's ballot.</summary>
    Ballot,

    /// <summary>Closes the vote and applies its rule.</summary>
    Close,

    /// <summary>Makes the adopted decision a task: assignee, acceptance criteria fixed before work starts, budget, deadline.</summary>
    Assign,

    /// <summary>Logs progress on the task, with evidence.</summary>
    Progress,

    /// <summary>Records a supervisor's site inspection.</summary>
    Inspect,

    /// <summary>Completes the task; the demands it was made from are told.</summary>
    Complete,

    /// <summary>A resident rates the result, 1–5.</summary>
    Rate,
}

/// <summary>The two kinds of matter the residents' committee distinguishes.</summary>
public enum TopicKind
{
    /// <summary>自治事项: the residents' own affairs.</summary>
    SelfGovernance,

    /// <summary>协助事项: matters in which the community assists the government.</summary>
    AssistingGovernment,
}

/// <summary>How big a matter is, which decides where it goes (大事政府办、小事居民议、私事自己办).</summary>
public enum TopicScale
{
    /// <summary>A big matter: handed to the government (the street) as a demand.</summary>
    Major,

    /// <summary>A small matter the residents share: deliberated and decided by them.</summary>
    Shared,

    /// <summary>A private matter: for the household itself; the topic is dismissed with a reason.</summary>
    Private,
}

/// <summary>The level at which a topic is deliberated, given by the territory node it concerns.</summary>
public enum TopicLevel
{
    /// <summary>楼栋.</summary>
    Building,

    /// <summary>小区 / 院落.</summary>
    Compound,

    /// <summary>社区 / 村.</summary>
    Community,

    /// <summary>街道 / 乡 / 镇.</summary>
    Street,
}

/// <summary>How a topic came about.</summary>
public enum TopicOrigin
{
    /// <summary>Raised directly by a resident or a worker.</summary>
    Raised,

    /// <summary>Made from demands a worker picked.</summary>
    Demands,

    /// <summary>Made from a demand hot spot: every demand of one category in one grid within a window.</summary>
    Hotspot,
}

/// <summary>Who votes on a topic.</summary>
public enum Electorate
{
    /// <summary>Every adult resident registered within the topic's node.</summary>
    Residents,

    /// <summary>One vote per household within the topic's node, whichever member casts it.</summary>
    Households,

    /// <summary>The representatives (议事代表) of the topic's node confirmed and serving when the vote opens.</summary>
    Representatives,
}

/// <summary>
/// What a vote needs to pass. Votes cast are yes + no + abstain: an abstention takes part but does not approve, and
/// a tie never passes.
/// </summary>
public enum DecisionRule
{
    /// <summary>More than half of the votes cast are yes: 2·yes &gt; cast.</summary>
    SimpleMajority,

    /// <summary>More than half of the whole electorate votes yes: 2·yes &gt; electorate.</summary>
    AbsoluteMajority,

    /// <summary>At least two thirds of the votes cast are yes: 3·yes ≥ 2·cast (and at least one vote).</summary>
    TwoThirds,
}

/// <summary>A voter's choice.</summary>
public enum BallotChoice
{
    /// <summary>赞成.</summary>
    Yes,

    /// <summary>反对.</summary>
    No,

    /// <summary>弃权: counts as cast, does not approve.</summary>
    Abstain,
}

/// <summary>How a ballot reached the count; a voter has one ballot whichever the channel.</summary>
public enum BallotChannel
{
    /// <summary>Cast online.</summary>
    Online,

    /// <summary>A paper ballot entered by a worker.</summary>
    Paper,
}

/// <summary>Who carries out an adopted decision.</summary>
public enum TaskAssigneeType
{
    /// <summary>The community (its node id).</summary>
    Community,

    /// <summary>A government department.</summary>
    Department,

    /// <summary>A social organisation.</summary>
    SocialOrganisation,

    /// <summary>The property company.</summary>
    PropertyCompany,
}
