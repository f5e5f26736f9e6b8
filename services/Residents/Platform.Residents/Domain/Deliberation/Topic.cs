using System.Linq.Expressions;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.Residents.Domain.Demands;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>
/// A topic (议题) of the residents' deliberation (议事协商): raised by a resident or a worker, or made from a class of
/// demands, then classified and routed by scale (大事政府办 → handed to the street as a demand, 小事居民议 → gathering the
/// residents' support until it reaches the agenda, 私事自己办 → dismissed with a reason). Every status change appends
/// one <see cref="History"/> entry; supports are counted here and recorded one row each (<see cref="TopicSupport"/>).
/// </summary>
public sealed class Topic : ITenantOwned, ITerritoryPlaced
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = Demand.MaxTitleLength;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = Demand.MaxDescriptionLength;

    /// <summary>Longest category.</summary>
    public const int MaxCategoryLength = Demand.MaxCategoryLength;

    /// <summary>Longest reason for dismissing a private matter.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Most demands one topic links.</summary>
    public const int MaxLinkedDemands = 500;

    /// <summary>Longest assignee id, acceptance criteria and progress note.</summary>
    public const int MaxAssigneeIdLength = Demand.MaxAssigneeIdLength, MaxCriteriaLength = 1000, MaxNoteLength = Demand.MaxNoteLength;

    private readonly List<TopicHistoryEntry> _history = [];
    private List<Guid> _linkedDemandIds = [];

    private Topic()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Short title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>What the matter is.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Category, e.g. 加装电梯; a demand made from the topic takes it.</summary>
    public string Category { get; private set; } = "";

    /// <summary>The territory node the topic concerns.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The node's materialised path.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The grid the node lies in, if any (a demand made from the topic is placed in it).</summary>
    public Guid? GridId { get; private set; }

    /// <summary>The level of deliberation, from the node's kind.</summary>
    public TopicLevel Level { get; private set; }

    /// <summary>How the topic came about.</summary>
    public TopicOrigin Origin { get; private set; }

    /// <summary>The demands the topic was made from (the whole class for a hot spot); empty for a raised topic.</summary>
    public IReadOnlyList<Guid> LinkedDemandIds => _linkedDemandIds;

    /// <summary>The user id of whoever raised it.</summary>
    public string RaisedBy { get; private set; } = "";

    /// <summary>When it was raised.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>Current status.</summary>
    public TopicStatus Status { get; private set; }

    /// <summary>自治事项 or 协助事项, once classified.</summary>
    public TopicKind? Kind { get; private set; }

    /// <summary>Big, shared or private, once classified.</summary>
    public TopicScale? Scale { get; private set; }

    /// <summary>Why a private matter was dismissed.</summary>
    public string? DismissalReason { get; private set; }

    /// <summary>The demand a big matter was handed to the street as.</summary>
    public Guid? ReferredDemandId { get; private set; }

    /// <summary>How many residents support it.</summary>
    public int SupportCount { get; private set; }

    /// <summary>The supports that put a shared matter on the agenda; fixed when the topic is raised.</summary>
    public int SupportThreshold { get; private set; }

    /// <summary>When it reached the agenda.</summary>
    public DateTimeOffset? OnAgendaAt { get; private set; }

    /// <summary>Who votes, once the vote is open.</summary>
    public Electorate? Electorate { get; private set; }

    /// <summary>What the vote needs to pass, once it is open.</summary>
    public DecisionRule? Rule { get; private set; }

    /// <summary>How many could vote, counted when the vote opened.</summary>
    public int ElectorateSize { get; private set; }

    /// <summary>赞成 so far.</summary>
    public int YesVotes { get; private set; }

    /// <summary>反对 so far.</summary>
    public int NoVotes { get; private set; }

    /// <summary>弃权 so far.</summary>
    public int AbstainVotes { get; private set; }

    /// <summary>The count so far (final once the vote is closed).</summary>
    public DecisionTally Tally => new(YesVotes, NoVotes, AbstainVotes, ElectorateSize);

    /// <summary>When the vote opened.</summary>
    public DateTimeOffset? VoteOpenedAt { get; private set; }

    /// <summary>When the vote closed and was decided.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Who carries out the adopted decision.</summary>
    public TaskAssigneeType? AssigneeType { get; private set; }

    /// <summary>The assignee's id: a node id, department name, organisation or company id.</summary>
    public string? AssigneeId { get; private set; }

    /// <summary>What the result is accepted against, fixed before the work starts.</summary>
    public string? AcceptanceCriteria { get; private set; }

    /// <summary>The task's budget in yuan, if any.</summary>
    public decimal? TaskBudget { get; private set; }

    /// <summary>The task's deadline, if any.</summary>
    public DateOnly? TaskDeadline { get; private set; }

    /// <summary>When the task was completed.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>How many residents rated the result.</summary>
    public int RatingCount { get; private set; }

    /// <summary>The sum of their scores (1–5 each).</summary>
    public int RatingSum { get; private set; }

    /// <summary>The mean score, null before the first rating.</summary>
    public decimal? AverageRating => RatingCount == 0 ? null : Math.Round((decimal)RatingSum / RatingCount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The first and last instants (exclusive) of a calendar year in the districts (UTC+8): the decisions a year-end
    /// review (年终评议) covers are those whose vote closed in between.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) ReviewYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        var offset = TimeSpan.FromHours(8);
        // In UTC: the database stores instants, and takes them only with offset zero.
        return (new DateTimeOffset(year, 1, 1, 0, 0, 0, offset).ToUniversalTime(), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, offset).ToUniversalTime());
    }

    /// <summary>The statuses of a topic whose vote passed: waiting for its task, in execution, or completed.</summary>
    public static TopicStatus[] AdoptedStatuses => [TopicStatus.Adopted, TopicStatus.InExecution, TopicStatus.Completed];

    /// <summary>
    /// Whether a topic's task is still being carried out after its deadline on <paramref name="today"/> (a district date);
    /// an expression, so that a query counts by the same rule.
    /// </summary>
    public static Expression<Func<Topic, bool>> OverdueOn(DateOnly today) => topic => topic.Status == TopicStatus.InExecution && topic.TaskDeadline < today;

    /// <summary>Changes with every step; map it as the concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>Every status change, oldest first.</summary>
    public IReadOnlyList<TopicHistoryEntry> History => _history;

    /// <summary>The actions the topic's status allows now.</summary>
    public IReadOnlyList<TopicAction> AllowedActions => TopicTransitions.From(Status);

    /// <summary>
    /// The level a topic about a node of <paramref name="kind"/> is deliberated at; null for a grid or a unit, which are
    /// not levels of deliberation.
    /// </summary>
    public static TopicLevel? LevelOf(TerritoryNodeKind kind) => kind switch
    {
        TerritoryNodeKind.Street or TerritoryNodeKind.Township or TerritoryNodeKind.Town => TopicLevel.Street,
        TerritoryNodeKind.Community or TerritoryNodeKind.Village => TopicLevel.Community,
        TerritoryNodeKind.Compound => TopicLevel.Compound,
        TerritoryNodeKind.Building => TopicLevel.Building,
        _ => null,
    };

    /// <summary>
    /// What is wrong with the words a topic is raised with, each under its parameter's name: <see cref="Raise"/>
    /// refuses the first, and a request can report them all first.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> RaisingProblems(string? title, string? description, string? category) =>
        Demand.FilingProblems(title, description, category);

    /// <summary>
    /// Raises a topic at <paramref name="nodeId"/>, of <paramref name="nodeKind"/>, linked to
    /// <paramref name="linkedDemandIds"/> (none for <see cref="TopicOrigin.Raised"/>, at least one otherwise).
    /// </summary>
    /// <exception cref="ArgumentException">A text is blank or too long, the node's kind is no level, the links do not fit the origin, or the threshold is not positive.</exception>
    public static Topic Raise(
        Guid tenantId, string title, string description, string category, Guid nodeId, string nodePath, TerritoryNodeKind nodeKind, Guid? gridId,
        TopicOrigin origin, IReadOnlyCollection<Guid> linkedDemandIds, int supportThreshold, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(linkedDemandIds);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.UserId, nameof(actor));
        ArgumentOutOfRangeException.ThrowIfLessThan(supportThreshold, 1);
        if (RaisingProblems(title, description, category).FirstOrDefault() is ({ } field, { } message))
        {
            throw new ArgumentException(message, field);
        }

        var level = LevelOf(nodeKind) ?? throw new ArgumentException($"A {nodeKind} is not a level of deliberation.", nameof(nodeKind));
        if (tenantId == Guid.Empty || nodeId == Guid.Empty || !nodePath.EndsWith($"/{nodeId}/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Not a materialised path ending in /{nodeId}/.", nameof(nodePath));
        }

        var links = linkedDemandIds.Distinct().ToList();
        if ((origin == TopicOrigin.Raised) != (links.Count == 0) || links.Count > MaxLinkedDemands || !Enum.IsDefined(origin))
        {
            throw new ArgumentException($"A raised topic links no demand; one made from demands links 1–{MaxLinkedDemands}.", nameof(linkedDemandIds));
        }

        var topic = new Topic
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Title = title.Trim(),
            Description = description?.Trim() ?? "",
            Category = category.Trim(),
            NodeId = nodeId,
            NodePath = nodePath,
            GridId = gridId,
            Level = level,
            Origin = origin,
            _linkedDemandIds = links,
            RaisedBy = actor.UserId,
            RaisedAt = now,
            SupportThreshold = supportThreshold,
        };
        topic.Append(TopicHistoryEntry.Raised, null, TopicStatus.Raised, actor, now, origin.ToWire());
        return topic;
    }

    /// <summary>
    /// Classifies the topic and routes it by <paramref name="scale"/>: a big matter is handed to the street as a demand
    /// of channel <c>deliberation</c> under <paramref name="trackingNumber"/> (the demand is returned, to be saved with the
    /// topic); a shared one starts gathering support; a private one is dismissed for <paramref name="reason"/>.
    /// </summary>
    /// <exception cref="TopicRuleException">The status does not allow it, a private matter has no reason, or an argument is malformed.</exception>
    public Demand? Classify(
        TopicKind kind, TopicScale scale, string? reason, string trackingNumber, DemandSlaPolicy sla, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sla);
        EnsureCan(TopicAction.Classify);
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(scale))
        {
            throw Refusal(TopicErrors.InvalidArgument, "kind: self_governance or assisting_government; scale: major, shared or private.");
        }

        if (reason?.Trim().Length > MaxReasonLength)
        {
            throw Refusal(TopicErrors.InvalidArgument, $"reason: at most {MaxReasonLength} characters.");
        }

        if (scale == TopicScale.Private && string.IsNullOrWhiteSpace(reason))
        {
            throw Refusal(TopicErrors.ReasonRequired, "A private matter is dismissed only with the reason, for the household to read.");
        }

        Kind = kind;
        Scale = scale;
        Demand? referral = null;
        switch (scale)
        {
            case TopicScale.Major:
                referral = Demand.File(
                    TenantId, trackingNumber, Title, Description, Category, DemandChannel.Deliberation, DemandPriority.Normal, NodeId, NodePath, GridId,
                    null, actor, sla, now);
                ReferredDemandId = referral.Id;
                break;
            case TopicScale.Private:
                DismissalReason = reason!.Trim();
                break;
        }

        var to = scale switch { TopicScale.Major => TopicStatus.Referred, TopicScale.Shared => TopicStatus.Collecting, _ => TopicStatus.Dismissed };
        Append(TopicAction.Classify.ToWire(), Status, to, actor, now, $"{kind.ToWire()}/{scale.ToWire()}");
        return referral;
    }

    /// <summary>
    /// Records the support of <paramref name="actor"/>, who has or has not supported the topic before
    /// (<paramref name="alreadySupported"/>, which the caller reads from the recorded supports); the support that
    /// reaches <see cref="SupportThreshold"/> puts the topic on the agenda.
    /// </summary>
    /// <exception cref="TopicRuleException">The status does not allow it, or the resident supports it already.</exception>
    public TopicSupport Support(bool alreadySupported, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCan(TopicAction.Support);
        if (alreadySupported)
        {
            throw Refusal(TopicErrors.AlreadySupported, "You support this topic already; each resident supports a topic once.");
        }

        SupportCount++;
        Version++;
        if (SupportCount >= SupportThreshold)
        {
            OnAgendaAt = now;
            Append(TopicAction.Support.ToWire(), Status, TopicStatus.OnAgenda, actor, now, $"{SupportCount}/{SupportThreshold}");
        }

        return new TopicSupport(TenantId, Id, actor.UserId, now);
    }

    /// <summary>Opens the vote (决) of <paramref name="electorateSize"/> voters, counted by the caller from the registry now.</summary>
    /// <exception cref="TopicRuleException">The status does not allow it, an enum is undefined, or nobody could vote.</exception>
    public void OpenVote(Electorate electorate, DecisionRule rule, int electorateSize, DemandActor actor, DateTimeOffset now)
    {
        EnsureCan(TopicAction.Open);
        if (!Enum.IsDefined(electorate) || !Enum.IsDefined(rule))
        {
            throw Refusal(TopicErrors.InvalidArgument, "electorate: residents, households or representatives; rule: simple_majority, absolute_majority or two_thirds.");
        }

        if (electorateSize < 1)
        {
            throw Refusal(
                TopicErrors.EmptyElectorate,
                electorate == Deliberation.Electorate.Representatives
                    ? "The topic's node has no confirmed representative serving today."
                    : $"Nobody of the {electorate.ToWire()} electorate is registered within the topic's node.");
        }

        (Electorate, Rule, ElectorateSize, VoteOpenedAt) = (electorate, rule, electorateSize, now);
        Append(TopicAction.Open.ToWire(), Status, TopicStatus.Voting, actor, now, $"{electorate.ToWire()}/{rule.ToWire()}/{electorateSize}");
    }

    /// <summary>
    /// Counts the ballot of <paramref name="voterKey"/> (the resident, their household for a household vote, or the
    /// representative for a representatives' vote), who has or has not voted before by any channel
    /// (<paramref name="alreadyVoted"/>, read from the recorded ballots). <paramref name="residentId"/> is the resident who
    /// cast it; null for a representative who is no registered resident (a unit's delegate, an invitee).
    /// </summary>
    /// <exception cref="TopicRuleException">The status does not allow it, an enum is undefined, or the voter has voted already.</exception>
    public TopicBallot CastBallot(
        Guid voterKey, Guid? residentId, bool alreadyVoted, BallotChoice choice, BallotChannel channel, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCan(TopicAction.Ballot);
        if (!Enum.IsDefined(choice) || !Enum.IsDefined(channel))
        {
            throw Refusal(TopicErrors.InvalidArgument, "choice: yes, no or abstain; channel: online or paper.");
        }

        if (alreadyVoted)
        {
            throw Refusal(
                TopicErrors.AlreadyVoted,
                Electorate switch
                {
                    Deliberation.Electorate.Households => "This household has voted already.",
                    Deliberation.Electorate.Representatives => "This representative has voted already.",
                    _ => "This resident has voted already.",
                });
        }

        var tally = Tally.With(choice);
        (YesVotes, NoVotes, AbstainVotes) = (tally.Yes, tally.No, tally.Abstain);
        Version++;
        return new TopicBallot(TenantId, Id, voterKey, residentId, choice, channel, actor.UserId, now);
    }

    /// <summary>Closes the vote and decides it by its rule; returns whether the decision was adopted.</summary>
    /// <exception cref="TopicRuleException">The status does not allow it.</exception>
    public bool CloseVote(DemandActor actor, DateTimeOffset now)
    {
        EnsureCan(TopicAction.Close);
        var adopted = Tally.Passes(Rule!.Value);
        DecidedAt = now;
        Append(TopicAction.Close.ToWire(), Status, adopted ? TopicStatus.Adopted : TopicStatus.Rejected, actor, now, $"{YesVotes}/{NoVotes}/{AbstainVotes} of {ElectorateSize}");
        return adopted;
    }

    /// <summary>Makes the adopted decision a task (督); the acceptance criteria are fixed now, before the work starts.</summary>
    /// <exception cref="TopicRuleException">The status does not allow it, or an argument is blank, too long, negative or undefined.</exception>
    public void AssignTask(
        TaskAssigneeType assigneeType, string assigneeId, string acceptanceCriteria, decimal? budget, DateOnly? deadline, DemandActor actor, DateTimeOffset now)
    {
        EnsureCan(TopicAction.Assign);
        EnsureValid(
            !Enum.IsDefined(assigneeType) ? "assigneeType: community, department, social_organisation or property_company."
            : TextProblem("assigneeId", assigneeId, MaxAssigneeIdLength)
                ?? TextProblem("acceptanceCriteria", acceptanceCriteria, MaxCriteriaLength)
                ?? (budget < 0 ? "budget: not negative." : null));
        (AssigneeType, AssigneeId, AcceptanceCriteria, TaskBudget, TaskDeadline) = (assigneeType, assigneeId.Trim(), acceptanceCriteria.Trim(), budget, deadline);
        Append(TopicAction.Assign.ToWire(), Status, TopicStatus.InExecution, actor, now, $"{assigneeType.ToWire()}:{AssigneeId}");
    }

    /// <summary>Logs progress (<see cref="TopicAction.Progress"/>) or a site inspection (<see cref="TopicAction.Inspect"/>) on the task.</summary>
    /// <exception cref="TopicRuleException">The status does not allow it, or the note or the evidence is malformed.</exception>
    public void Supervise(TopicAction entry, string note, IReadOnlyList<string>? evidence, DemandActor actor, DateTimeOffset now)
    {
        if (entry is not (TopicAction.Progress or TopicAction.Inspect))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry, "Progress or inspect.");
        }

        EnsureCan(entry);
        EnsureValid(TextProblem("note", note, MaxNoteLength) ?? EvidenceProblem(evidence));
        Append(entry.ToWire(), Status, Status, actor, now, null, note.Trim(), evidence);
    }

    /// <summary>
    /// Completes the task and tells every linked demand (a history entry on each), so that the class of problem is
    /// closed together (从解决一个问题到解决一类问题).
    /// </summary>
    /// <exception cref="TopicRuleException">The status does not allow it, or the note or the evidence is malformed.</exception>
    public void CompleteTask(string note, IReadOnlyList<string>? evidence, IEnumerable<Demand> linkedDemands, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(linkedDemands);
        EnsureCan(TopicAction.Complete);
        EnsureValid(TextProblem("note", note, MaxNoteLength) ?? EvidenceProblem(evidence));
        foreach (var demand in linkedDemands)
        {
            if (!_linkedDemandIds.Contains(demand.Id))
            {
                throw new ArgumentException($"Demand {demand.Id} is not linked to topic {Id}.", nameof(linkedDemands));
            }

            demand.NoteTopicCompleted(Id, actor, now);
        }

        CompletedAt = now;
        Append(TopicAction.Complete.ToWire(), Status, TopicStatus.Completed, actor, now, null, note.Trim(), evidence);
    }

    /// <summary>Records a resident's rating (评) of the result; each resident rates once (<paramref name="alreadyRated"/>).</summary>
    /// <exception cref="TopicRuleException">The status does not allow it, the score is not 1–5, or the resident has rated already.</exception>
    public TopicRating Rate(int score, bool alreadyRated, DemandActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureCan(TopicAction.Rate);
        if (score is < 1 or > 5)
        {
            throw Refusal(TopicErrors.InvalidScore, $"A score is 1 to 5, not {score}.");
        }

        if (alreadyRated)
        {
            throw Refusal(TopicErrors.AlreadyRated, "You have rated this result already.");
        }

        RatingCount++;
        RatingSum += score;
        Version++;
        return new TopicRating(TenantId, Id, actor.UserId, score, now);
    }

    private static string? TextProblem(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? $"{field}: required." : value.Trim().Length > maxLength ? $"{field}: at most {maxLength} characters." : null;

    private static string? EvidenceProblem(IReadOnlyList<string>? evidence) =>
        evidence is null ? null
        : evidence.Count > Demand.MaxAttachments ? $"evidence: at most {Demand.MaxAttachments} references."
        : evidence.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > Demand.MaxAttachmentLength) ? $"evidence: each a reference of 1–{Demand.MaxAttachmentLength} characters."
        : null;

    private void EnsureValid(string? problem)
    {
        if (problem is not null)
        {
            throw Refusal(TopicErrors.InvalidArgument, problem);
        }
    }

    private void EnsureCan(TopicAction action)
    {
        if (!TopicTransitions.Allows(Status, action))
        {
            throw Refusal(
                TopicErrors.InvalidTransition,
                $"{action.ToWire()} is not allowed while the topic is {Status.ToWire()}; allowed now: {(AllowedActions.Count == 0 ? "nothing" : string.Join(", ", AllowedActions.Select(a => a.ToWire())))}.");
        }
    }

    private void Append(
        string action, TopicStatus? from, TopicStatus to, DemandActor actor, DateTimeOffset now, string? details, string? note = null,
        IReadOnlyList<string>? attachments = null)
    {
        Status = to;
        Version++;
        _history.Add(new TopicHistoryEntry(_history.Count + 1, action, from, to, actor, now, details, note, attachments?.Select(a => a.Trim()) ?? []));
    }

    private TopicRuleException Refusal(DomainError error, string message) => new(error, message, Status, AllowedActions);
}
