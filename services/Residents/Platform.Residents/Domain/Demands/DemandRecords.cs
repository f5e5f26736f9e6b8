namespace Platform.Residents.Domain.Demands;

/// <summary>One entry of a demand's history. Entries are only ever appended; nothing edits or removes them.</summary>
public sealed class DemandHistoryEntry
{
    /// <summary>The <see cref="Action"/> of the entry that records the filing.</summary>
    public const string Filed = "file";

    /// <summary>The <see cref="Action"/> of an entry that records a property company's work order update.</summary>
    public const string WorkOrder = "work_order";

    /// <summary>The <see cref="Action"/> of an entry that records the completion of a deliberation topic made from the demand's class.</summary>
    public const string TopicCompleted = "topic_completed";

    private readonly List<string> _attachments = [];

    private DemandHistoryEntry()
    {
    }

    internal DemandHistoryEntry(
        int sequence, string action, DemandStatus? fromStatus, DemandStatus toStatus, DemandActor actor, DateTimeOffset at,
        string? note, IEnumerable<string> attachments, string? details)
    {
        Sequence = sequence;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        At = at;
        Note = note;
        _attachments.AddRange(attachments);
        Details = details;
    }

    /// <summary>1 for the filing, then 2, 3 … in the order things happened.</summary>
    public int Sequence { get; private set; }

    /// <summary>The action's URL segment (<see cref="DemandActions.Segment"/>), <see cref="Filed"/>, <see cref="WorkOrder"/> or <see cref="TopicCompleted"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The status before; null for the filing.</summary>
    public DemandStatus? FromStatus { get; private set; }

    /// <summary>The status after (the same as before for checkin, callback and some work order updates).</summary>
    public DemandStatus ToStatus { get; private set; }

    /// <summary>The user id of whoever acted.</summary>
    public string ActorId { get; private set; } = "";

    /// <summary>Their name as shown at the time.</summary>
    public string? ActorName { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Free text from the actor.</summary>
    public string? Note { get; private set; }

    /// <summary>References to stored files (photos, recordings), at most ten.</summary>
    public IReadOnlyList<string> Attachments => _attachments;

    /// <summary>A short machine summary, e.g. <c>property_company:abc</c>, <c>城管,公安</c> or <c>satisfied/5</c>.</summary>
    public string? Details { get; private set; }
}

/// <summary>One department summoned by a whistle (吹哨), and when it reported on the spot (报到).</summary>
public sealed class DepartmentSummons
{
    private DepartmentSummons()
    {
    }

    internal DepartmentSummons(string department, DateTimeOffset summonedAt, string summonedBy)
    {
        Department = department;
        SummonedAt = summonedAt;
        SummonedBy = summonedBy;
    }

    /// <summary>The department's name, e.g. 城管.</summary>
    public string Department { get; private set; } = "";

    /// <summary>When it was summoned.</summary>
    public DateTimeOffset SummonedAt { get; private set; }

    /// <summary>The user id of whoever blew the whistle.</summary>
    public string SummonedBy { get; private set; } = "";

    /// <summary>When it checked in; null while pending.</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>Whether the department has yet to check in.</summary>
    public bool IsPending => CheckedInAt is null;

    internal void CheckIn(DateTimeOffset now) => CheckedInAt = now;
}
