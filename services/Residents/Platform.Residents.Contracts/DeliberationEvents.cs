using Platform.Contracts;

namespace Platform.Residents.Contracts;

/// <summary>
/// A deliberation topic (议题) was raised, directly or from a class of demands. Topic events carry no personal data
/// of whoever raised the topic. Enumerated values are the API's snake-case names.
/// </summary>
public sealed record TopicRaisedIntegrationEvent : IntegrationEvent
{
    /// <summary>The topic.</summary>
    public required Guid TopicId { get; init; }

    /// <summary>Short title.</summary>
    public required string Title { get; init; }

    /// <summary>Category, e.g. 加装电梯.</summary>
    public required string Category { get; init; }

    /// <summary>The territory node the topic concerns.</summary>
    public required Guid NodeId { get; init; }

    /// <summary><c>building</c>, <c>compound</c>, <c>community</c> or <c>street</c>.</summary>
    public required string Level { get; init; }

    /// <summary><c>raised</c>, <c>demands</c> or <c>hotspot</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>The demands the topic was made from; empty for a topic raised directly.</summary>
    public required IReadOnlyList<Guid> LinkedDemandIds { get; init; }
}

/// <summary>A topic's vote passed (决): the decision is adopted and becomes a task next.</summary>
public sealed record DecisionAdoptedIntegrationEvent : IntegrationEvent
{
    /// <summary>The topic decided.</summary>
    public required Guid TopicId { get; init; }

    /// <summary>Short title.</summary>
    public required string Title { get; init; }

    /// <summary>The territory node the topic concerns.</summary>
    public required Guid NodeId { get; init; }

    /// <summary><c>simple_majority</c>, <c>absolute_majority</c> or <c>two_thirds</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>赞成.</summary>
    public required int Yes { get; init; }

    /// <summary>反对.</summary>
    public required int No { get; init; }

    /// <summary>弃权.</summary>
    public required int Abstain { get; init; }

    /// <summary>How many could vote.</summary>
    public required int ElectorateSize { get; init; }
}

/// <summary>
/// The task of an adopted decision was completed (督 done; 评 begins). The time bank can credit volunteer work on it;
/// the linked demands have each been told in their history.
/// </summary>
public sealed record TaskCompletedIntegrationEvent : IntegrationEvent
{
    /// <summary>The topic whose task was completed.</summary>
    public required Guid TopicId { get; init; }

    /// <summary>The territory node the topic concerns.</summary>
    public required Guid NodeId { get; init; }

    /// <summary><c>community</c>, <c>department</c>, <c>social_organisation</c> or <c>property_company</c>.</summary>
    public required string AssigneeType { get; init; }

    /// <summary>The assignee's id.</summary>
    public required string AssigneeId { get; init; }

    /// <summary>The demands the topic was made from.</summary>
    public required IReadOnlyList<Guid> LinkedDemandIds { get; init; }
}
