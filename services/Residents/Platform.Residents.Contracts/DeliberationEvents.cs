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
