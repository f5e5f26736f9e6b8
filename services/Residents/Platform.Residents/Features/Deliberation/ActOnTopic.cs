using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Deliberation;

/// <summary>The body of <c>POST /api/deliberation/topics/{id}/{action}</c>; classify reads all three, support none.</summary>
/// <param name="Kind">classify: self_governance (自治事项) or assisting_government (协助事项).</param>
/// <param name="Scale">classify: major (handed to the street as a demand), shared (the residents deliberate) or private (dismissed).</param>
/// <param name="Reason">classify: why a private matter is dismissed (required for private).</param>
public sealed record TopicActionRequest(TopicKind? Kind, TopicScale? Scale, string? Reason);

/// <summary>
/// One step on a topic the caller may see: workers classify (routing it by scale), residents support. A refused step
/// changes nothing and says what the topic allows now.
/// </summary>
internal static class ActOnTopic
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("{id:guid}/{action}", HandleAsync).WithSummary(
            "A step: classify (workers: kind, scale, reason; a major matter becomes a demand of channel deliberation, a private one is dismissed) "
            + "or support (residents, once each; the support that reaches the threshold puts the topic on the agenda). "
            + "A step the status does not allow answers 409 with allowedActions.");

    private static async Task<Results<Ok<TopicResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        string action,
        TopicActionRequest? request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        IOptions<DemandSlaPolicy> sla,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!WireNames.TryParse<TopicAction>(action, out var wanted))
        {
            return new DomainException(TopicErrors.UnknownAction, $"'{action}' is not an action; actions are {string.Join(", ", WireNames.All<TopicAction>())}.").ToProblem();
        }

        var body = request ?? new TopicActionRequest(null, null, null);
        if (wanted == TopicAction.Classify && (body.Kind is null || body.Scale is null))
        {
            var missing = new Dictionary<string, string[]>();
            missing.AddIf("kind", body.Kind is null ? WireNames.Expected<TopicKind>() : null);
            missing.AddIf("scale", body.Scale is null ? WireNames.Expected<TopicScale>() : null);
            return ProblemResults.Validation(missing);
        }

        var isWorker = DemandAccess.IsWorker(caller);
        var actor = DemandAccess.Actor(caller);
        var visible = await TopicAccess.VisibleAsync(caller, db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var topic = await visible.AsSingleQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (topic is null)
            {
                return TopicAccess.NotFound(id);
            }

            if (isWorker != (wanted == TopicAction.Classify))
            {
                return TopicAccess.Forbidden(isWorker ? "Residents support topics; workers classify them." : "Workers classify topics; residents support them.");
            }

            var now = clock.GetUtcNow();
            // The topic's rules refuse a step with a TopicRuleException, which the service defaults answer with its problem.
            if (wanted == TopicAction.Classify)
            {
                var referral = topic.Classify(body.Kind!.Value, body.Scale!.Value, body.Reason, DemandTrackingNumbers.New(now), sla.Value, actor, now);
                if (referral is not null)
                {
                    db.Demands.Add(referral);
                    db.AddIntegrationEvent(DemandEvents.Received(referral));
                }
            }
            else
            {
                var alreadySupported = await db.TopicSupports.AnyAsync(s => s.TopicId == id && s.UserId == actor.UserId, cancellationToken);
                db.TopicSupports.Add(topic.Support(alreadySupported, actor, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(TopicResponse.From(topic, withHistory: true));
            }
            catch (DbUpdateConcurrencyException) when (attempt < DemandTrackingNumbers.Attempts)
            {
                // Another support counted meanwhile: apply this step again to the topic as it is now.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return new DomainException(TopicErrors.ChangedConcurrently, "Someone else acted on this topic at the same time; reload it and try again.").ToProblem();
            }
            catch (DbUpdateException exception) when (DemandTrackingNumbers.IsUniqueViolation(exception) && attempt < DemandTrackingNumbers.Attempts)
            {
                // The same resident's support racing itself, or the referral's tracking number drawn twice: try again, which tells the one from the other.
                db.ChangeTracker.Clear();
            }
        }
    }
}
