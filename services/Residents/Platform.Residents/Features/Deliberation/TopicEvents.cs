using Platform.Contracts;
using Platform.Domain;
using Platform.Residents.Contracts;
using Platform.Residents.Domain.Deliberation;

namespace Platform.Residents.Features.Deliberation;

/// <summary>The integration events of topics; no personal data of whoever raised them.</summary>
internal static class TopicEvents
{
    public static TopicRaisedIntegrationEvent Raised(Topic topic) => new()
    {
        TenantId = topic.TenantId,
        OccurredAt = topic.RaisedAt,
        TopicId = topic.Id,
        Title = topic.Title,
        Category = topic.Category,
        NodeId = topic.NodeId,
        Level = topic.Level.ToWire(),
        Origin = topic.Origin.ToWire(),
        LinkedDemandIds = topic.LinkedDemandIds,
    };

    /// <summary>The events of a step just taken (none for steps nobody outside needs to know about).</summary>
    public static IEnumerable<IIntegrationEvent> After(TopicAction action, Topic topic, DateTimeOffset now)
    {
        switch (action)
        {
            case TopicAction.Close when topic.Status == TopicStatus.Adopted:
                yield return new DecisionAdoptedIntegrationEvent
                {
                    TenantId = topic.TenantId,
                    OccurredAt = now,
                    TopicId = topic.Id,
                    Title = topic.Title,
                    NodeId = topic.NodeId,
                    Rule = topic.Rule!.Value.ToWire(),
                    Yes = topic.YesVotes,
                    No = topic.NoVotes,
                    Abstain = topic.AbstainVotes,
                    ElectorateSize = topic.ElectorateSize,
                };
                break;
            case TopicAction.Complete:
                yield return new TaskCompletedIntegrationEvent
                {
                    TenantId = topic.TenantId,
                    OccurredAt = now,
                    TopicId = topic.Id,
                    NodeId = topic.NodeId,
                    AssigneeType = topic.AssigneeType!.Value.ToWire(),
                    AssigneeId = topic.AssigneeId!,
                    LinkedDemandIds = topic.LinkedDemandIds,
                };
                break;
        }
    }
}
