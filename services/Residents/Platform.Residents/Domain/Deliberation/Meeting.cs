using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>Whose attendance a meeting's quorum counts.</summary>
public enum MeetingRoll
{
    /// <summary>The representatives (议事代表) of the meeting's node serving on the day.</summary>
    Representatives,

    /// <summary>The adult residents registered within the node.</summary>
    Residents,

    /// <summary>One attendee per household within the node (每户派代表).</summary>
    Households,

    /// <summary>Anyone may come (恳谈会, 听证会); attendance is recorded, no quorum is counted.</summary>
    Open,
}

/// <summary>How many of the roll must attend before a meeting may open.</summary>
public enum QuorumRule
{
    /// <summary>No quorum.</summary>
    None,

    /// <summary>More than half of the roll (过半数出席): 2·attending &gt; roll.</summary>
    MoreThanHalf,

    /// <summary>At least two thirds of the roll: 3·attending ≥ 2·roll.</summary>
    TwoThirds,
}

/// <summary>Where a meeting stands.</summary>
public enum MeetingStatus
{
    /// <summary>Convened and announced; attendance is being recorded.</summary>
    Convened,

    /// <summary>Opened with its quorum; deliberating.</summary>
    InSession,

    /// <summary>Ended; its minutes and resolutions are published.</summary>
    Closed,

    /// <summary>Called off before it opened, with the reason.</summary>
    Cancelled,
}

/// <summary>The part a speaker took in the debate on a topic.</summary>
public enum SpeakerRole
{
    /// <summary>提议人.</summary>
    Proposer,

    /// <summary>附议人.</summary>
    Seconder,

    /// <summary>反对者.</summary>
    Opponent,

    /// <summary>Anyone else who spoke.</summary>
    Other,
}

/// <summary>A type of meeting of the district's list (议事厅, 恳谈会 …): whose attendance counts and the quorum.</summary>
public sealed class MeetingTypeRule
{
    /// <summary>Whose attendance the quorum counts.</summary>
    public MeetingRoll Roll { get; set; }

    /// <summary>The quorum; <see cref="QuorumRule.None"/> for an open meeting.</summary>
    public QuorumRule Quorum { get; set; }
}

/// <summary>One speaker of the minutes: their name (personal data: never in the public notice), role, topic and what they said.</summary>
public sealed record MeetingSpeaker(string Name, SpeakerRole Role, Guid? TopicId, string Summary);

/// <summary>
/// A resolution of the meeting on a topic of its agenda, with the vote it rests on as the topic's vote closed: the
/// meeting records the resolution, the topic's vote decides it.
/// </summary>
public sealed record MeetingResolution(Guid TopicId, string Text, bool Adopted, int Yes, int No, int Abstain, int ElectorateSize);

/// <summary>
/// A deliberation meeting (议事会议) of a type from the district's list, at a node's level, convened a notice period
/// ahead with an agenda of topics; attendance is recorded against its roll, it opens only with its quorum, and it closes
/// with minutes (speakers and their roles, minority opinions kept) and resolutions linked to the topics' votes.
/// </summary>
public sealed class Meeting : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title, type, place, link and resolution text.</summary>
    public const int MaxTitleLength = 200, MaxTypeLength = 30, MaxPlaceLength = 200, MaxResolutionLength = 1000;

    /// <summary>The longest minutes and reason.</summary>
    public const int MaxMinutesLength = 8000, MaxReasonLength = 500;

    /// <summary>Most topics on an agenda, speakers, minority opinions.</summary>
    public const int MaxAgenda = 20, MaxSpeakers = 100, MaxMinorityOpinions = 50;

    private List<Guid> _agendaTopicIds = [];
    private List<string> _minorityOpinions = [];
    private readonly List<MeetingSpeaker> _speakers = [];
    private readonly List<MeetingResolution> _resolutions = [];

    private Meeting()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The node whose meeting it is.</summary>
    public Guid NodeId { get; private set; }

    /// <inheritdoc />
    public string NodePath { get; private set; } = "";

    /// <summary>The level, from the node's kind.</summary>
    public TopicLevel Level { get; private set; }

    /// <summary>The type's name from the district's list.</summary>
    public string Type { get; private set; } = "";

    /// <summary>Whose attendance counts, fixed from the type when convened.</summary>
    public MeetingRoll Roll { get; private set; }

    /// <summary>The quorum, fixed from the type when convened.</summary>
    public QuorumRule Quorum { get; private set; }

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>When it starts.</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Where, if held in a place.</summary>
    public string? Place { get; private set; }

    /// <summary>The link, if held online.</summary>
    public string? OnlineLink { get; private set; }

    /// <summary>The topics on the agenda, in order.</summary>
    public IReadOnlyList<Guid> AgendaTopicIds => _agendaTopicIds;

    /// <summary>Where it stands.</summary>
    public MeetingStatus Status { get; private set; }

    /// <summary>Who convened it.</summary>
    public string ConvenedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset ConvenedAt { get; private set; }

    /// <summary>How many attendees are recorded.</summary>
    public int Attendance { get; private set; }

    /// <summary>The roll's size counted when the meeting opened (0 for an open meeting).</summary>
    public int RollSize { get; private set; }

    /// <summary>When it opened.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>The minutes.</summary>
    public string? Minutes { get; private set; }

    /// <summary>Who spoke, in what role, on which topic.</summary>
    public IReadOnlyList<MeetingSpeaker> Speakers => _speakers;

    /// <summary>The minority opinions, kept as said.</summary>
    public IReadOnlyList<string> MinorityOpinions => _minorityOpinions;

    /// <summary>The resolutions, one per decided topic of the agenda.</summary>
    public IReadOnlyList<MeetingResolution> Resolutions => _resolutions;

    /// <summary>When it closed or was cancelled.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why it was cancelled.</summary>
    public string? CancelReason { get; private set; }

    /// <summary>Changes with every change; map it as the concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Whether <paramref name="attending"/> of a roll of <paramref name="rollSize"/> make the quorum.</summary>
    public static bool QuorumMet(QuorumRule rule, int attending, int rollSize) => rule switch
    {
        QuorumRule.None => true,
        QuorumRule.MoreThanHalf => rollSize > 0 && 2L * attending > rollSize,
        QuorumRule.TwoThirds => rollSize > 0 && 3L * attending >= 2L * rollSize,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a quorum rule."),
    };

    /// <summary>
    /// Convenes a meeting of <paramref name="typeName"/> (its rule from the district's list) at <paramref name="node"/>, at
    /// least <paramref name="noticePeriod"/> ahead, in a place or online (or both), with an agenda of topics on the
    /// agenda or being voted on within the node.
    /// </summary>
    /// <exception cref="DomainException">A malformed argument, too short a notice, or a topic that cannot be on the agenda.</exception>
    public static Meeting Convene(
        TerritoryReplicaNode node, string typeName, MeetingTypeRule type, string title, DateTimeOffset startsAt, string? place, string? onlineLink,
        IReadOnlyList<Topic> agenda, TimeSpan noticePeriod, string convenedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentException.ThrowIfNullOrWhiteSpace(convenedBy);
        var level = Topic.LevelOf(node.Kind) ?? throw Invalid("nodeId", $"A {node.Kind.ToWire()} holds no deliberation meeting; a building, compound, community or street does.");
        Require(TextProblem(title, MaxTitleLength), "title");
        Require(TextProblem(typeName, MaxTypeLength), "type");
        Require(place is null && onlineLink is null ? "A place, an online link, or both." : OptionalTextProblem(place) ?? OptionalTextProblem(onlineLink), place is null ? "onlineLink" : "place");
        Require(agenda.Count is 0 or > MaxAgenda ? $"1 to {MaxAgenda} topics." : agenda.DistinctBy(t => t.Id).Count() != agenda.Count ? "Each topic once." : null, "topicIds");
        if (agenda.FirstOrDefault(t => t.Status is not (TopicStatus.OnAgenda or TopicStatus.Voting) || !TerritoryPath.IsWithin(t.NodePath, node.Path)) is { } misplaced)
        {
            var exception = new DomainException(
                MeetingErrors.TopicNotOnAgenda, $"Topic {misplaced.Id} is {misplaced.Status.ToWire()} or outside the meeting's node; a meeting deliberates topics on the agenda or being voted on within its node.", "topicIds");
            exception.Facts["topicId"] = misplaced.Id;
            throw exception;
        }

        if (startsAt < now + noticePeriod)
        {
            var exception = new DomainException(MeetingErrors.NoticeTooShort, $"A meeting is announced at least {noticePeriod.TotalDays:0.##} day(s) ahead: start at {now + noticePeriod:u} or later.", "startsAt");
            exception.Facts["earliestStart"] = now + noticePeriod;
            throw exception;
        }

        return new Meeting
        {
            Id = Guid.CreateVersion7(now),
            NodeId = node.Id,
            NodePath = node.Path,
            Level = level,
            Type = typeName.Trim(),
            Roll = type.Roll,
            Quorum = type.Roll == MeetingRoll.Open ? QuorumRule.None : type.Quorum,
            Title = title.Trim(),
            StartsAt = startsAt,
            Place = place?.Trim(),
            OnlineLink = onlineLink?.Trim(),
            _agendaTopicIds = [.. agenda.Select(t => t.Id)],
            Status = MeetingStatus.Convened,
            ConvenedBy = convenedBy,
            ConvenedAt = now,
        };
    }

    /// <summary>
    /// Records one attendee (their key on the roll: a representative, a resident or a household), who has or has not been
    /// recorded before (<paramref name="alreadyRecorded"/>); late arrivals count while the meeting is in session.
    /// </summary>
    /// <exception cref="DomainException">The meeting is over or cancelled, or the attendee is recorded already.</exception>
    public MeetingAttendance RecordAttendance(Guid attendeeKey, Guid? residentId, bool alreadyRecorded, string recordedBy, DateTimeOffset now)
    {
        RequireStatus("record attendance", MeetingStatus.Convened, MeetingStatus.InSession);
        if (alreadyRecorded)
        {
            throw new DomainException(MeetingErrors.AlreadyAttending, Roll == MeetingRoll.Households ? "This household is recorded already." : "This attendee is recorded already.");
        }

        Attendance++;
        Version++;
        return new MeetingAttendance(TenantId, Id, attendeeKey, residentId, recordedBy, now);
    }

    /// <summary>Opens the meeting from its start, with its quorum of a roll of <paramref name="rollSize"/> counted now.</summary>
    /// <exception cref="DomainException">Not convened, before the start, or short of the quorum.</exception>
    public void Open(int rollSize, DateTimeOffset now)
    {
        RequireStatus("open", MeetingStatus.Convened);
        if (now < StartsAt)
        {
            throw new DomainException(MeetingErrors.NotStarted, $"The meeting starts at {StartsAt:u}.");
        }

        if (!QuorumMet(Quorum, Attendance, rollSize))
        {
            var exception = new DomainException(MeetingErrors.QuorumNotMet, $"{Attendance} of {rollSize} attend; the quorum is {Quorum.ToWire()}.");
            exception.Facts["attendance"] = Attendance;
            exception.Facts["rollSize"] = rollSize;
            throw exception;
        }

        (RollSize, OpenedAt, Status) = (Roll == MeetingRoll.Open ? 0 : rollSize, now, MeetingStatus.InSession);
        Version++;
    }

    /// <summary>
    /// Closes the meeting with its minutes, speakers, minority opinions and resolutions. A resolution is on a topic of the
    /// agenda whose vote has closed (<paramref name="agendaTopics"/> as they are now), and takes that vote's tally.
    /// </summary>
    /// <exception cref="DomainException">Not in session, malformed minutes, or a resolution on a topic off the agenda or not decided.</exception>
    public void Close(
        string minutes, IReadOnlyList<MeetingSpeaker> speakers, IReadOnlyList<string> minorityOpinions, IReadOnlyList<(Guid TopicId, string Text)> resolutions,
        IReadOnlyCollection<Topic> agendaTopics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        ArgumentNullException.ThrowIfNull(minorityOpinions);
        ArgumentNullException.ThrowIfNull(resolutions);
        ArgumentNullException.ThrowIfNull(agendaTopics);
        RequireStatus("close", MeetingStatus.InSession);
        Require(TextProblem(minutes, MaxMinutesLength), "minutes");
        Require(speakers.Count > MaxSpeakers ? $"At most {MaxSpeakers} speakers." : speakers.Select(SpeakerProblem).FirstOrDefault(p => p is not null), "speakers");
        Require(
            minorityOpinions.Count > MaxMinorityOpinions ? $"At most {MaxMinorityOpinions} opinions." : minorityOpinions.Select(o => TextProblem(o, MaxResolutionLength)).FirstOrDefault(p => p is not null),
            "minorityOpinions");
        Require(
            resolutions.Select(r => TextProblem(r.Text, MaxResolutionLength)).FirstOrDefault(p => p is not null)
                ?? (resolutions.DistinctBy(r => r.TopicId).Count() != resolutions.Count ? "One resolution per topic." : null),
            "resolutions");
        var linked = new List<MeetingResolution>();
        foreach (var (topicId, text) in resolutions)
        {
            var topic = _agendaTopicIds.Contains(topicId) ? agendaTopics.SingleOrDefault(t => t.Id == topicId) : null;
            if (topic is null || topic.DecidedAt is null)
            {
                var exception = new DomainException(
                    MeetingErrors.VoteNotDecided, $"Topic {topicId} is not on the agenda, or its vote has not closed: a resolution rests on a decided vote.", "resolutions");
                exception.Facts["topicId"] = topicId;
                throw exception;
            }

            linked.Add(new MeetingResolution(topicId, text.Trim(), Topic.AdoptedStatuses.Contains(topic.Status), topic.YesVotes, topic.NoVotes, topic.AbstainVotes, topic.ElectorateSize));
        }

        Minutes = minutes.Trim();
        _speakers.AddRange(speakers.Select(s => s with { Name = s.Name.Trim(), Summary = s.Summary.Trim() }));
        _minorityOpinions = [.. minorityOpinions.Select(o => o.Trim())];
        _resolutions.AddRange(linked);
        (EndedAt, Status) = (now, MeetingStatus.Closed);
        Version++;
    }

    /// <summary>Calls the meeting off before it opens.</summary>
    /// <exception cref="DomainException">Not convened, or no reason.</exception>
    public void Cancel(string reason, DateTimeOffset now)
    {
        RequireStatus("cancel", MeetingStatus.Convened);
        Require(TextProblem(reason, MaxReasonLength), "reason");
        (CancelReason, EndedAt, Status) = (reason.Trim(), now, MeetingStatus.Cancelled);
        Version++;
    }

    private string? SpeakerProblem(MeetingSpeaker speaker) =>
        !Enum.IsDefined(speaker.Role) ? WireNames.Expected<SpeakerRole>()
        : speaker.TopicId is { } topicId && !_agendaTopicIds.Contains(topicId) ? $"Topic {topicId} is not on the agenda."
        : TextProblem(speaker.Name, Representative.MaxNameLength) ?? TextProblem(speaker.Summary, MaxResolutionLength);

    private static string? TextProblem(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "Required." : value.Trim().Length > maxLength ? $"At most {maxLength} characters." : null;

    private static string? OptionalTextProblem(string? value) => value is null ? null : TextProblem(value, MaxPlaceLength);

    private static void Require(string? problem, string field)
    {
        if (problem is not null)
        {
            throw Invalid(field, problem);
        }
    }

    private static DomainException Invalid(string field, string message) => new(MeetingErrors.InvalidArgument, message, field);

    private void RequireStatus(string step, params MeetingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            var exception = new DomainException(MeetingErrors.InvalidTransition, $"Cannot {step} a meeting that is {Status.ToWire()}.");
            exception.Facts["meetingStatus"] = Status.ToWire();
            throw exception;
        }
    }
}

/// <summary>One attendee of a meeting; an attendee (representative, resident or household) is recorded once.</summary>
public sealed class MeetingAttendance : ITenantOwned
{
    private MeetingAttendance()
    {
    }

    internal MeetingAttendance(Guid tenantId, Guid meetingId, Guid attendeeKey, Guid? residentId, string recordedBy, DateTimeOffset at) =>
        (TenantId, MeetingId, AttendeeKey, ResidentId, RecordedBy, At) = (tenantId, meetingId, attendeeKey, residentId, recordedBy, at);

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The meeting.</summary>
    public Guid MeetingId { get; private set; }

    /// <summary>The representative's, resident's or household's id.</summary>
    public Guid AttendeeKey { get; private set; }

    /// <summary>The resident who came, if a registered resident.</summary>
    public Guid? ResidentId { get; private set; }

    /// <summary>Who recorded them.</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
