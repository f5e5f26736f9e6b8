using Platform.MultiTenancy.EntityFramework;
using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>One status change of a topic. Entries are only ever appended.</summary>
public sealed class TopicHistoryEntry
{
    /// <summary>The <see cref="Action"/> of the entry that records the raising.</summary>
    public const string Raised = "raise";

    private readonly List<string> _attachments = [];

    private TopicHistoryEntry()
    {
    }

    internal TopicHistoryEntry(
        int sequence, string action, TopicStatus? fromStatus, TopicStatus toStatus, DemandActor actor, DateTimeOffset at, string? details, string? note,
        IEnumerable<string> attachments)
    {
        Note = note;
        _attachments.AddRange(attachments);
        Sequence = sequence;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Details = details;
    }

    /// <summary>1 for the raising, then 2, 3 …</summary>
    public int Sequence { get; private set; }

    /// <summary><see cref="Raised"/> or the action's wire name.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The status before; null for the raising.</summary>
    public TopicStatus? FromStatus { get; private set; }

    /// <summary>The status after.</summary>
    public TopicStatus ToStatus { get; private set; }

    /// <summary>The user id of whoever acted.</summary>
    public string ActorId { get; private set; } = "";

    /// <summary>Their name as shown at the time.</summary>
    public string? ActorName { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>A short machine summary, e.g. <c>self_governance/shared</c> or <c>10/10</c>.</summary>
    public string? Details { get; private set; }

    /// <summary>What a progress entry or an inspection found.</summary>
    public string? Note { get; private set; }

    /// <summary>References to the evidence (photos, receipts), at most ten.</summary>
    public IReadOnlyList<string> Attachments => _attachments;
}

/// <summary>One resident's support of a topic; a resident supports a topic once.</summary>
public sealed class TopicSupport : ITenantOwned
{
    private TopicSupport()
    {
    }

    internal TopicSupport(Guid tenantId, Guid topicId, string userId, DateTimeOffset at)
    {
        TenantId = tenantId;
        TopicId = topicId;
        UserId = userId;
        At = at;
    }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The topic supported.</summary>
    public Guid TopicId { get; private set; }

    /// <summary>The supporting resident's user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}

/// <summary>One voter's ballot on a topic; a voter (resident, or household for a household vote) has one, whichever the channel.</summary>
public sealed class TopicBallot : ITenantOwned
{
    private TopicBallot()
    {
    }

    internal TopicBallot(
        Guid tenantId, Guid topicId, Guid voterKey, Guid? residentId, BallotChoice choice, BallotChannel channel, string enteredBy, DateTimeOffset at)
    {
        TenantId = tenantId;
        TopicId = topicId;
        VoterKey = voterKey;
        ResidentId = residentId;
        Choice = choice;
        Channel = channel;
        EnteredBy = enteredBy;
        At = at;
    }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The topic voted on.</summary>
    public Guid TopicId { get; private set; }

    /// <summary>Who the ballot counts for: the resident's id, their household's for a household vote, the representative's for a representatives' vote.</summary>
    public Guid VoterKey { get; private set; }

    /// <summary>The resident who cast it; null for a representative who is no registered resident.</summary>
    public Guid? ResidentId { get; private set; }

    /// <summary>The choice.</summary>
    public BallotChoice Choice { get; private set; }

    /// <summary>Online or paper.</summary>
    public BallotChannel Channel { get; private set; }

    /// <summary>The user id of whoever entered it.</summary>
    public string EnteredBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}

/// <summary>One resident's rating of a completed topic's result.</summary>
public sealed class TopicRating : ITenantOwned
{
    private TopicRating()
    {
    }

    internal TopicRating(Guid tenantId, Guid topicId, string userId, int score, DateTimeOffset at)
    {
        TenantId = tenantId;
        TopicId = topicId;
        UserId = userId;
        Score = score;
        At = at;
    }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The topic rated.</summary>
    public Guid TopicId { get; private set; }

    /// <summary>The rating resident's user id.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>1 to 5.</summary>
    public int Score { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }
}
