namespace Platform.Residents.Domain.Deliberation;

/// <summary>The district's deliberation rules (section <c>Deliberation</c>).</summary>
public sealed class DeliberationRules
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deliberation";

    /// <summary>The age from which a resident votes on topics.</summary>
    public const int VotingAge = 18;

    /// <summary>How many residents' supports put a shared matter on the agenda; a topic keeps the value it was raised under.</summary>
    public int SupportThreshold { get; set; } = 10;

    /// <summary>How long ahead a meeting is announced (its convening notice runs until it starts).</summary>
    public TimeSpan MeetingNoticePeriod { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The district's meeting types by name, each with whose attendance counts and the quorum. Configuration adds types
    /// or changes these: 居民会议 needs more than half of the adult residents (城市居民委员会组织法 第九条), 议事厅 and 联席会议
    /// more than half of the representatives, 恳谈会 and 听证会 are open to all.
    /// </summary>
    public Dictionary<string, MeetingTypeRule> MeetingTypes { get; set; } = new(StringComparer.Ordinal)
    {
        ["议事厅"] = new() { Roll = MeetingRoll.Representatives, Quorum = QuorumRule.MoreThanHalf },
        ["联席会议"] = new() { Roll = MeetingRoll.Representatives, Quorum = QuorumRule.MoreThanHalf },
        ["居民会议"] = new() { Roll = MeetingRoll.Residents, Quorum = QuorumRule.MoreThanHalf },
        ["恳谈会"] = new() { Roll = MeetingRoll.Open, Quorum = QuorumRule.None },
        ["听证会"] = new() { Roll = MeetingRoll.Open, Quorum = QuorumRule.None },
    };

    /// <summary>The seats of an area whose workers have not set its own (<see cref="RepresentativeSeatPlan"/>).</summary>
    public SeatCounts Seats { get; set; } = new() { Residents = 15, LocalUnits = 5, SocialOrganisations = 3, Invitees = 3 };
}
