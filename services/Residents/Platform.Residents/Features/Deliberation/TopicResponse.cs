using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Features.Deliberation;

/// <summary>One status change of a topic.</summary>
public sealed record TopicHistoryResponse(
    int Sequence, string Action, TopicStatus? FromStatus, TopicStatus ToStatus, string ActorId, string? ActorName, DateTimeOffset At, string? Details);

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
    IReadOnlyList<TopicAction> AllowedActions,
    IReadOnlyList<TopicHistoryResponse>? History)
{
    public static TopicResponse From(Topic topic, bool withHistory) => new(
        topic.Id, topic.Title, topic.Description, topic.Category, topic.NodeId, topic.Level, topic.Origin, topic.LinkedDemandIds, topic.Status,
        topic.Kind, topic.Scale, topic.DismissalReason, topic.ReferredDemandId, topic.SupportCount, topic.SupportThreshold, topic.RaisedAt,
        topic.OnAgendaAt, topic.AllowedActions,
        withHistory
            ? [.. topic.History.OrderBy(h => h.Sequence).Select(h => new TopicHistoryResponse(h.Sequence, h.Action, h.FromStatus, h.ToStatus, h.ActorId, h.ActorName, h.At, h.Details))]
            : null);
}
