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
}
