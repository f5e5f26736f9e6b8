namespace Platform.Residents.Domain.Demands;

/// <summary>
/// Which actions each status allows. Some are further limited by the demand's state (see
/// <see cref="Demand.AllowedActions"/>): checkin needs a pending summons, resolve and unresolvable need every
/// summoned department checked in, close needs a callback in the current round and reopen a dissatisfied one.
/// </summary>
public static class DemandTransitions
{
    private static readonly Dictionary<DemandStatus, DemandAction[]> Table = new()
    {
        [DemandStatus.Received] = [DemandAction.Classify],
        [DemandStatus.Classified] = [DemandAction.Classify, DemandAction.Assign],
        [DemandStatus.Assigned] = [DemandAction.Assign, DemandAction.Respond],
        [DemandStatus.Responded] = [DemandAction.Whistle, DemandAction.Start],
        [DemandStatus.Whistled] = [DemandAction.Checkin, DemandAction.Start, DemandAction.Whistle],
        [DemandStatus.InProgress] = [DemandAction.Whistle, DemandAction.Checkin, DemandAction.Resolve, DemandAction.Unresolvable],
        [DemandStatus.Resolved] = [DemandAction.Callback, DemandAction.Close, DemandAction.Reopen],
        [DemandStatus.Unresolvable] = [DemandAction.Callback, DemandAction.Close, DemandAction.Reopen],
        [DemandStatus.Closed] = [],
        [DemandStatus.Reopened] = [DemandAction.Classify, DemandAction.Assign],
    };

    /// <summary>The actions <paramref name="status"/> allows, before the state-dependent limits.</summary>
    public static IReadOnlyList<DemandAction> From(DemandStatus status) => Table[status];

    /// <summary>Whether <paramref name="status"/> allows <paramref name="action"/>, before the state-dependent limits.</summary>
    public static bool Allows(DemandStatus status, DemandAction action) => Table[status].Contains(action);
}
