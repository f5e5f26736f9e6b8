using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;
using Platform.Residents.Features.Residents;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Deliberation;

/// <summary>
/// One step of the 集 → 议 → 决 → 督 → 评 loop on a topic the caller may see: residents support, cast their own online ballot and rate, workers take
/// every other step (classify, open the vote, enter ballots, close it, assign the task, log progress and inspections,
/// complete). A decided vote and a completed task are published as notices. A refused step changes nothing and says what the topic allows now.
/// </summary>
internal static class ActOnTopic
{
    public static void Map(IEndpointRouteBuilder topics) =>
        topics.MapPost("{id:guid}/{action}", HandleAsync).WithSummary(
            "A step: classify, support, open, ballot (a resident casts their own online ballot through their linked account; workers enter any), close, assign, progress, inspect, complete or rate (see the body's fields). "
            + "A major matter becomes a demand of channel deliberation; the support that reaches the threshold puts the topic on the agenda; "
            + "close applies the vote's rule (abstentions are cast and do not approve, a tie fails); complete tells every linked demand. "
            + "A step the status does not allow answers 409 with allowedActions.");

    private static async Task<Results<Ok<TopicResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id,
        string action,
        TopicActionRequest? request,
        ClaimsPrincipal caller,
        ResidentsDbContext db,
        IOptions<DemandSlaPolicy> sla,
        IOptions<NoticeRules> notices,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!WireNames.TryParse<TopicAction>(action, out var wanted))
        {
            return new DomainException(TopicErrors.UnknownAction, $"'{action}' is not an action; actions are {string.Join(", ", WireNames.All<TopicAction>())}.").ToProblem();
        }

        var body = request ?? new TopicActionRequest();
        var isWorker = DemandAccess.IsWorker(caller);
        if (wanted == TopicAction.Ballot && !isWorker)
        {
            // A resident votes online as the record their account is linked to, and as nobody else.
            if (await LinkedResidents.OfAsync(caller, db, cancellationToken) is not { } self)
            {
                return LinkedResidents.NotLinked();
            }

            if (body.ResidentId is { } named && named != self.Id || body.Channel is BallotChannel.Paper)
            {
                return TopicAccess.Forbidden("Residents cast their own online ballot; workers enter paper ballots.");
            }

            body = body with { ResidentId = self.Id, Channel = BallotChannel.Online };
        }

        var missing = TopicStepRequest.MissingFields(wanted, body);
        if (missing.Count > 0)
        {
            return ProblemResults.Validation(missing);
        }

        var actor = DemandAccess.Actor(caller);
        var visible = await TopicAccess.VisibleAsync(caller, db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var topic = await visible.AsSingleQuery().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (topic is null)
            {
                return TopicAccess.NotFound(id);
            }

            if (wanted != TopicAction.Ballot && isWorker == TopicStepRequest.IsResidentsStep(wanted))
            {
                return TopicAccess.Forbidden(isWorker ? "Residents support and rate topics; workers take the other steps." : "Residents support, vote on and rate topics.");
            }

            var now = clock.GetUtcNow();
            // The topic's rules refuse a step with a TopicRuleException, which the service defaults answer with its problem.
            var refusal = await TopicStepRequest.ApplyAsync(wanted, body, topic, actor, db, sla.Value, now, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            foreach (var integrationEvent in TopicEvents.After(wanted, topic, now))
            {
                db.AddIntegrationEvent(integrationEvent);
            }

            if (PublicNotices.AfterStep(wanted, topic, notices.Value.ResultPeriod, actor.UserId, now) is { } notice)
            {
                db.Notices.Add(notice);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(TopicResponse.From(topic, withHistory: true));
            }
            catch (DbUpdateConcurrencyException) when (attempt < DemandTrackingNumbers.Attempts)
            {
                // Another support or ballot counted meanwhile: apply this step again to the topic as it is now.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return new DomainException(TopicErrors.ChangedConcurrently, "Someone else acted on this topic at the same time; reload it and try again.").ToProblem();
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation() && attempt < DemandTrackingNumbers.Attempts)
            {
                // The same voter or supporter racing themself, or a referral's tracking number drawn twice: trying again tells which.
                db.ChangeTracker.Clear();
            }
        }
    }
}
