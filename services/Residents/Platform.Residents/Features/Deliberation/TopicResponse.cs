using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Features.Deliberation;

/// <summary>One step of a topic: a status change, a progress entry or an inspection.</summary>
public sealed record TopicHistoryResponse(
    int Sequence, string Action, TopicStatus? FromStatus, TopicStatus ToStatus, string ActorId, string? ActorName, DateTimeOffset At, string? Details,
    string? Note, IReadOnlyList<string> Evidence);

/// <summary>A topic's vote: who votes, the rule and the count (final once decided).</summary>
public sealed record TopicVoteResponse(
    Electorate Electorate, DecisionRule Rule, int ElectorateSize, int Yes, int No, int Abstain, int Cast, DateTimeOffset OpenedAt, DateTimeOffset? DecidedAt);

/// <summary>The task an adopted decision became.</summary>
public sealed record TopicTaskResponse(
    TaskAssigneeType AssigneeType, string AssigneeId, string AcceptanceCriteria, decimal? Budget, DateOnly? Deadline, DateTimeOffset? CompletedAt);

/// <summary>The residents' ratings of the result.</summary>
public sealed record TopicRatingResponse(int Count, decimal? Average);

/// <summary>A topic as residents and workers see it; who raised it is not shown.</summary>
public sealed record TopicResponse(
    Guid Id,
    string Title,
    string Description,
    string Category,
    Guid NodeId,
    TopicLevel Level,
    TopicOrigin Origin,
    IReadOnlyList<Guid> LinkedDemandIds,
    TopicStatus Status,
    TopicKind? Kind,
    TopicScale? Scale,
    string? DismissalReason,
    Guid? ReferredDemandId,
    int SupportCount,
    int SupportThreshold,
    DateTimeOffset RaisedAt,
    DateTimeOffset? OnAgendaAt,
    TopicVoteResponse? Vote,
    TopicTaskResponse? Task,
    TopicRatingResponse Rating,
    IReadOnlyList<TopicAction> AllowedActions,
    IReadOnlyList<TopicHistoryResponse>? History)
{
    public static TopicResponse From(Topic topic, bool withHistory) => new(
        topic.Id, topic.Title, topic.Description, topic.Category, topic.NodeId, topic.Level, topic.Origin, topic.LinkedDemandIds, topic.Status,
        topic.Kind, topic.Scale, topic.DismissalReason, topic.ReferredDemandId, topic.SupportCount, topic.SupportThreshold, topic.RaisedAt,
        topic.OnAgendaAt,
        topic is { Electorate: { } electorate, Rule: { } rule, VoteOpenedAt: { } openedAt }
            ? new TopicVoteResponse(electorate, rule, topic.ElectorateSize, topic.YesVotes, topic.NoVotes, topic.AbstainVotes, topic.Tally.Cast, openedAt, topic.DecidedAt)
            : null,
        topic is { AssigneeType: { } assigneeType, AssigneeId: { } assigneeId, AcceptanceCriteria: { } criteria }
            ? new TopicTaskResponse(assigneeType, assigneeId, criteria, topic.TaskBudget, topic.TaskDeadline, topic.CompletedAt)
            : null,
        new TopicRatingResponse(topic.RatingCount, topic.AverageRating),
        topic.AllowedActions,
        withHistory
            ? [.. topic.History.OrderBy(h => h.Sequence).Select(h => new TopicHistoryResponse(h.Sequence, h.Action, h.FromStatus, h.ToStatus, h.ActorId, h.ActorName, h.At, h.Details, h.Note, h.Attachments))]
            : null);
}
