using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.PartyBuilding.Contracts;
using Platform.PartyBuilding.Data;
using Platform.Domain;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Feedback;

namespace Platform.PartyBuilding.Features.Feedback;

/// <summary>
/// Both ends of 双报告 across districts. In the receiving district (the event's tenant), a member's feedback report goes
/// into the addressed workplace's inbox, once whatever the deliveries (keyed on the sender's report id); in the sending
/// district, the acknowledgement that comes back marks the report acknowledged. The inbox applies each event once.
/// </summary>
public sealed class FeedbackConsumers(PartyBuildingDbContext db, TimeProvider clock)
    : IConsumer<MemberServiceFeedbackIntegrationEvent>, IConsumer<MemberServiceFeedbackAcknowledgedIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<MemberServiceFeedbackIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feedback = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await db.ReceivedFeedback.AnyAsync(r => r.Id == feedback.FeedbackId, cancellationToken))
        {
            return;
        }

        var workplace = await db.Workplaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == feedback.WorkplaceOrganisationId, cancellationToken);
        db.ReceivedFeedback.Add(ReceivedFeedback.Receive(
            feedback.FeedbackId, feedback.SendingTenantId, feedback.WorkplaceOrganisationId, workplace, feedback.MemberName, feedback.CommunityName, feedback.Period,
            new FeedbackFigures(feedback.Minutes, feedback.Services, feedback.AverageRating, feedback.Points, feedback.PointsRuleVersion, feedback.CompletedClaims,
                WireNames.TryParse<EvaluationGrade>(feedback.Grade, out var grade) ? grade : null, feedback.EvaluationComment), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<MemberServiceFeedbackAcknowledgedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var acknowledged = context.Message;
        var cancellationToken = context.CancellationToken;
        // Only this district's own report, sent to the district that acknowledges it; anything else is not ours to mark.
        var report = await db.FeedbackReports.SingleOrDefaultAsync(
            r => r.Id == acknowledged.FeedbackId && r.RecipientTenantId == acknowledged.AcknowledgingTenantId, cancellationToken);
        if (report is null)
        {
            return;
        }

        report.AcknowledgedByRecipient(acknowledged.Note, acknowledged.AcknowledgedAt);
        await db.SaveChangesAsync(cancellationToken);
    }
}
