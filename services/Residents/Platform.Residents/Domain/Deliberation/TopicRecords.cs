using Platform.MultiTenancy.EntityFramework;
using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>One status change of a topic. Entries are only ever appended.</summary>
public sealed class TopicHistoryEntry
{
    /// <summary>The <see cref="Action"/> of the entry that records the raising.</summary>
    public const string Raised = "raise";

    private TopicHistoryEntry()
    {
    }

    internal TopicHistoryEntry(int sequence, string action, TopicStatus? fromStatus, TopicStatus toStatus, DemandActor actor, DateTimeOffset at, string? details)
    {
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
