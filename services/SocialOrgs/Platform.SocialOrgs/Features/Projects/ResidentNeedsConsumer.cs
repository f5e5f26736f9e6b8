using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>
/// Keeps the service's copy of where the district's demands and deliberation topics stand, from the residents service's
/// events, so a project or proposal that links one shows its current state, also when linked after the fact. Runs inside
/// the event's district; the inbox applies each event once, and the latest step winning makes late or reordered
/// deliveries harmless.
/// </summary>
public sealed class ResidentNeedsConsumer(SocialOrgsDbContext db)
    : IConsumer<DemandReceivedIntegrationEvent>, IConsumer<DemandAssignedIntegrationEvent>, IConsumer<DemandWhistleBlownIntegrationEvent>,
        IConsumer<DemandResolvedIntegrationEvent>, IConsumer<DemandClosedIntegrationEvent>,
        IConsumer<TopicRaisedIntegrationEvent>, IConsumer<DecisionAdoptedIntegrationEvent>, IConsumer<TaskCompletedIntegrationEvent>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<DemandReceivedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filed = context.Message;
        return DemandAsync(filed.DemandId, DemandProgress.Received, filed.OccurredAt,
            demand => demand.Filed(filed.TrackingNumber, filed.Category, filed.NodeId, filed.OccurredAt), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<DemandAssignedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Moved(context.Message.DemandId, DemandProgress.Assigned, context.Message.OccurredAt, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<DemandWhistleBlownIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Moved(context.Message.DemandId, DemandProgress.Whistled, context.Message.OccurredAt, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<DemandResolvedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = WireNames.TryParse(context.Message.Outcome, out DemandProgress parsed) && parsed == DemandProgress.Unresolvable
            ? DemandProgress.Unresolvable : DemandProgress.Resolved;
        return Moved(context.Message.DemandId, outcome, context.Message.OccurredAt, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<DemandClosedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var closed = context.Message;
        return DemandAsync(closed.DemandId, DemandProgress.Closed, closed.OccurredAt,
            demand => demand.Moved(DemandProgress.Closed, closed.OccurredAt, closed.Satisfaction), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TopicRaisedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TopicAsync(context.Message.TopicId, TopicProgress.Raised, context.Message.OccurredAt, context.Message.Title, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<DecisionAdoptedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TopicAsync(context.Message.TopicId, TopicProgress.Adopted, context.Message.OccurredAt, context.Message.Title, context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskCompletedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TopicAsync(context.Message.TopicId, TopicProgress.Completed, context.Message.OccurredAt, title: null, context.CancellationToken);
    }

    private Task Moved(Guid demandId, DemandProgress status, DateTimeOffset at, CancellationToken cancellationToken) =>
        DemandAsync(demandId, status, at, demand => demand.Moved(status, at), cancellationToken);

    // Two events of one demand applied at once both insert it: the second breaks the key and is retried, then finds it.
    private async Task DemandAsync(Guid demandId, DemandProgress status, DateTimeOffset at, Action<ResidentDemand> apply, CancellationToken cancellationToken)
    {
        var demand = await db.ResidentDemands.SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null)
        {
            demand = ResidentDemand.FirstHeard(demandId, status, at);
            db.ResidentDemands.Add(demand);
        }

        apply(demand);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task TopicAsync(Guid topicId, TopicProgress status, DateTimeOffset at, string? title, CancellationToken cancellationToken)
    {
        var topic = await db.ResidentTopics.SingleOrDefaultAsync(t => t.Id == topicId, cancellationToken);
        if (topic is null)
        {
            topic = ResidentTopic.FirstHeard(topicId, status, at);
            db.ResidentTopics.Add(topic);
        }

        topic.Moved(status, at, title);
        await db.SaveChangesAsync(cancellationToken);
    }
}
