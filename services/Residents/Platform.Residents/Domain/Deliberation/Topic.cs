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

    private void EnsureCan(TopicAction action)
    {
        if (!TopicTransitions.Allows(Status, action))
        {
            throw Refusal(
                TopicErrors.InvalidTransition,
                $"{action.ToWire()} is not allowed while the topic is {Status.ToWire()}; allowed now: {(AllowedActions.Count == 0 ? "nothing" : string.Join(", ", AllowedActions.Select(a => a.ToWire())))}.");
        }
    }

    private void Append(string action, TopicStatus? from, TopicStatus to, DemandActor actor, DateTimeOffset now, string? details)
    {
        Status = to;
        Version++;
        _history.Add(new TopicHistoryEntry(_history.Count + 1, action, from, to, actor, now, details));
    }

    private TopicRuleException Refusal(DomainError error, string message) => new(error, message, Status, AllowedActions);
}
