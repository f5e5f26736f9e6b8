namespace Platform.Residents.Domain.Deliberation;

/// <summary>Which actions each topic status allows.</summary>
public static class TopicTransitions
{
    private static readonly Dictionary<TopicStatus, TopicAction[]> Table = new()
    {
        [TopicStatus.Raised] = [TopicAction.Classify],
        [TopicStatus.Collecting] = [TopicAction.Support],
        [TopicStatus.OnAgenda] = [TopicAction.Open],
        [TopicStatus.Voting] = [TopicAction.Ballot, TopicAction.Close],
        [TopicStatus.Adopted] = [TopicAction.Assign],
        [TopicStatus.Rejected] = [],
        [TopicStatus.InExecution] = [TopicAction.Progress, TopicAction.Inspect, TopicAction.Complete],
        [TopicStatus.Completed] = [TopicAction.Rate],
        [TopicStatus.Referred] = [],
        [TopicStatus.Dismissed] = [],
    };

    /// <summary>The actions <paramref name="status"/> allows.</summary>
    public static IReadOnlyList<TopicAction> From(TopicStatus status) => Table[status];

    /// <summary>Whether <paramref name="status"/> allows <paramref name="action"/>.</summary>
    public static bool Allows(TopicStatus status, TopicAction action) => Table[status].Contains(action);
}
