using Platform.Residents.Domain.Demands;

namespace Platform.Residents.Tests.Demands;

/// <summary>Demands driven to a named state, ten minutes per step from a fixed clock.</summary>
internal static class DemandScenarios
{
    public const string Category = "环境卫生";
    public const string Department = "城管";

    public static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8));
    public static readonly DemandActor Clerk = new("u-clerk", "王芳");
    public static readonly Guid TenantId = Guid.CreateVersion7();
    public static readonly Guid StreetId = Guid.CreateVersion7();
    public static readonly Guid NodeId = Guid.CreateVersion7();
    public static readonly string NodePath = $"/{StreetId}/{NodeId}/";

    public static DemandSlaPolicy Sla { get; } = new() { ResolutionByCategory = { ["供暖"] = TimeSpan.FromDays(2) } };

    /// <summary>What each scenario's status is and which actions it allows, written out independently of the domain's table.</summary>
    public static Dictionary<string, (DemandStatus Status, DemandAction[] Allowed)> States { get; } = new()
    {
        ["received"] = (DemandStatus.Received, [DemandAction.Classify]),
        ["classified"] = (DemandStatus.Classified, [DemandAction.Classify, DemandAction.Assign]),
        ["assigned"] = (DemandStatus.Assigned, [DemandAction.Assign, DemandAction.Respond]),
        ["responded"] = (DemandStatus.Responded, [DemandAction.Whistle, DemandAction.Start]),
        ["whistled"] = (DemandStatus.Whistled, [DemandAction.Checkin, DemandAction.Start, DemandAction.Whistle]),
        ["whistled+checked_in"] = (DemandStatus.Whistled, [DemandAction.Start, DemandAction.Whistle]),
        ["in_progress"] = (DemandStatus.InProgress, [DemandAction.Whistle, DemandAction.Resolve, DemandAction.Unresolvable]),
        ["in_progress+pending"] = (DemandStatus.InProgress, [DemandAction.Whistle, DemandAction.Checkin]),
        ["resolved"] = (DemandStatus.Resolved, [DemandAction.Callback]),
        ["resolved+satisfied"] = (DemandStatus.Resolved, [DemandAction.Callback, DemandAction.Close]),
        ["resolved+dissatisfied"] = (DemandStatus.Resolved, [DemandAction.Callback, DemandAction.Close, DemandAction.Reopen]),
        ["unresolvable"] = (DemandStatus.Unresolvable, [DemandAction.Callback]),
        ["unresolvable+dissatisfied"] = (DemandStatus.Unresolvable, [DemandAction.Callback, DemandAction.Close, DemandAction.Reopen]),
        ["closed"] = (DemandStatus.Closed, []),
        ["reopened"] = (DemandStatus.Reopened, [DemandAction.Classify, DemandAction.Assign]),
    };

    public static Demand File(DemandPriority priority = DemandPriority.Normal, string category = Category) =>
        Demand.File(
            TenantId, "GZ-2026-000001", "楼道堆物", "3号楼2单元楼道堆满杂物，影响通行。", category, DemandChannel.Hotline, priority,
            NodeId, NodePath, null, null, Clerk, Sla, Now);

    /// <summary>A demand in <paramref name="state"/> (a key of <see cref="States"/>) and the time of its last step.</summary>
    public static (Demand Demand, DateTimeOffset At) In(string state)
    {
        var demand = File();
        var at = Now;
        foreach (var step in StepsTo(state))
        {
            at = at.AddMinutes(10);
            step(demand, at);
        }

        return (demand, at);
    }

    /// <summary>Performs <paramref name="action"/> with valid arguments.</summary>
    public static void Perform(Demand demand, DemandAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case DemandAction.Classify: demand.Classify(Category, null, null, null, Sla, Clerk, at); break;
            case DemandAction.Assign: demand.Assign(AssigneeType.Community, "c-1", Clerk, at); break;
            case DemandAction.Respond: demand.Respond(Clerk, at); break;
            case DemandAction.Whistle: demand.Whistle([Department], Clerk, at); break;
            case DemandAction.Checkin: demand.CheckIn(Department, Clerk, at); break;
            case DemandAction.Start: demand.Start(Clerk, at); break;
            case DemandAction.Resolve: demand.Resolve(Clerk, at); break;
            case DemandAction.Unresolvable: demand.MarkUnresolvable("涉及产权纠纷，需诉讼解决。", Clerk, at); break;
            case DemandAction.Callback: demand.Callback(Satisfaction.Satisfied, 5, Clerk, at); break;
            case DemandAction.Reopen: demand.Reopen(Clerk, at); break;
            case DemandAction.Close: demand.Close(Clerk, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static IEnumerable<Action<Demand, DateTimeOffset>> StepsTo(string state)
    {
        Action<Demand, DateTimeOffset> Do(DemandAction action) => (demand, at) => Perform(demand, action, at);
        Action<Demand, DateTimeOffset> CallBack(Satisfaction satisfaction) => (demand, at) => demand.Callback(satisfaction, 2, Clerk, at);

        var toResponded = new[] { Do(DemandAction.Classify), Do(DemandAction.Assign), Do(DemandAction.Respond) };
        var toInProgress = toResponded.Append(Do(DemandAction.Start)).ToArray();
        return state switch
        {
            "received" => [],
            "classified" => toResponded[..1],
            "assigned" => toResponded[..2],
            "responded" => toResponded,
            "whistled" => [.. toResponded, Do(DemandAction.Whistle)],
            "whistled+checked_in" => [.. toResponded, Do(DemandAction.Whistle), Do(DemandAction.Checkin)],
            "in_progress" => toInProgress,
            "in_progress+pending" => [.. toResponded, Do(DemandAction.Whistle), Do(DemandAction.Start)],
            "resolved" => [.. toInProgress, Do(DemandAction.Resolve)],
            "resolved+satisfied" => [.. toInProgress, Do(DemandAction.Resolve), CallBack(Satisfaction.Satisfied)],
            "resolved+dissatisfied" => [.. toInProgress, Do(DemandAction.Resolve), CallBack(Satisfaction.Dissatisfied)],
            "unresolvable" => [.. toInProgress, Do(DemandAction.Unresolvable)],
            "unresolvable+dissatisfied" => [.. toInProgress, Do(DemandAction.Unresolvable), CallBack(Satisfaction.Dissatisfied)],
            "closed" => [.. toInProgress, Do(DemandAction.Resolve), CallBack(Satisfaction.Satisfied), Do(DemandAction.Close)],
            "reopened" => [.. toInProgress, Do(DemandAction.Resolve), CallBack(Satisfaction.Dissatisfied), Do(DemandAction.Reopen)],
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
        };
    }
}
