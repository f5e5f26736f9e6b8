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
