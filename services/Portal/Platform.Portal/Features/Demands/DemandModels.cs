namespace Platform.Portal.Features.Demands;

// The residents service's demand documents as the portal reads them; statuses and actions stay wire names.

public sealed record DemandPage(IReadOnlyList<DemandView> Items, int Page, int PageSize, int Total);

public sealed record DemandOverdue(bool Response, bool Resolution)
{
    public bool Any => Response || Resolution;
}

public sealed record DemandSummons(string Department, DateTimeOffset SummonedAt, DateTimeOffset? CheckedInAt);

public sealed record DemandStep(
    int Sequence, string Action, string? FromStatus, string ToStatus, string ActorId, string? ActorName, DateTimeOffset At, string? Note, string? Details);

public sealed record DemandView(
    Guid Id,
    string TrackingNumber,
    string Status,
    string Title,
    string Description,
    string Category,
    string Channel,
    string Priority,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt,
    DateTimeOffset ResolutionDueAt,
    DemandOverdue Overdue,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<DemandSummons> Summons,
    IReadOnlyList<DemandStep>? History)
{
    /// <summary>The resident's answer at the callback (satisfied, basically_satisfied, dissatisfied), once given.</summary>
    public string? Satisfaction { get; init; }

    /// <summary>The resident's score at the callback, 1 to 5.</summary>
    public int? Score { get; init; }

    /// <summary>The summoned departments that have not checked in (报到) yet: the only ones a check-in can name.</summary>
    public IEnumerable<string> PendingDepartments => Summons.Where(s => s.CheckedInAt is null).Select(s => s.Department);
}

/// <summary>What a worker filled in on the demand's page, for whichever action's button they pressed.</summary>
public sealed class DemandActionForm
{
    public string? Action { get; set; }

    public string? Note { get; set; }

    public string? Category { get; set; }

    public string? AssigneeType { get; set; }

    public string? AssigneeId { get; set; }

    /// <summary>Departments to summon, separated by commas, 、 or spaces.</summary>
    public string? Departments { get; set; }

    public string? Department { get; set; }

    public string? Reason { get; set; }

    /// <summary>The API's request body for <see cref="Action"/>: only the fields that action reads.</summary>
    public Dictionary<string, object?> ToRequest()
    {
        var body = new Dictionary<string, object?> { ["note"] = FormText.Trimmed(Note) };
        switch (Action)
        {
            case DemandActions.Classify:
                body["category"] = FormText.Trimmed(Category);
                break;
            case DemandActions.Assign:
                body["assigneeType"] = FormText.Trimmed(AssigneeType);
                body["assigneeId"] = FormText.Trimmed(AssigneeId);
                break;
            case DemandActions.Whistle:
                body["departments"] = (Departments ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                break;
            case DemandActions.Checkin:
                body["department"] = FormText.Trimmed(Department);
                break;
            case DemandActions.Unresolvable:
                body["reason"] = FormText.Trimmed(Reason);
                break;
        }

        return body;
    }
}
