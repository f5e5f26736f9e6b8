using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Demands;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Deliberation;

/// <summary>
/// The body of <c>POST /api/deliberation/topics/{id}/{action}</c>; each action reads the fields it needs: classify
/// <c>kind</c>, <c>scale</c> (and <c>reason</c> for a private matter); open <c>electorate</c>, <c>rule</c>; ballot
/// <c>residentId</c> (or <c>representativeId</c>), <c>choice</c>, <c>channel</c>; assign <c>assigneeType</c>, <c>assigneeId</c>,
/// <c>acceptanceCriteria</c> (optionally <c>budget</c>, <c>deadline</c>); progress, inspect and complete <c>note</c>
/// (optionally <c>evidence</c>); rate <c>score</c>. Support and close read nothing.
/// </summary>
/// <param name="Kind">classify: self_governance (自治事项) or assisting_government (协助事项).</param>
/// <param name="Scale">classify: major (handed to the street as a demand), shared (the residents deliberate) or private (dismissed).</param>
/// <param name="Reason">classify: why a private matter is dismissed.</param>
/// <param name="Electorate">open: residents (every adult registered within the topic's node), households (one vote each) or representatives (the node's confirmed representatives serving today).</param>
/// <param name="Rule">open: simple_majority (2·yes &gt; cast), absolute_majority (2·yes &gt; electorate) or two_thirds (3·yes ≥ 2·cast); abstentions are cast and do not approve, a tie fails.</param>
/// <param name="ResidentId">ballot: the resident voting (an adult registered within the topic's node, or a representative who is a registered resident).</param>
/// <param name="RepresentativeId">ballot in a representatives' vote: the representative voting, instead of residentId (required for one who is no registered resident).</param>
/// <param name="Choice">ballot: yes, no or abstain.</param>
/// <param name="Channel">ballot: online or paper; a voter has one ballot whichever the channel.</param>
/// <param name="AssigneeType">assign: community, department, social_organisation or property_company.</param>
/// <param name="AssigneeId">assign: the assignee's id or name.</param>
/// <param name="AcceptanceCriteria">assign: what the result is accepted against, fixed before work starts.</param>
/// <param name="Budget">assign: the task's budget in yuan.</param>
/// <param name="Deadline">assign: the task's deadline.</param>
/// <param name="Note">progress, inspect, complete: what was done or found.</param>
/// <param name="Evidence">progress, inspect, complete: references to photos or receipts (at most 10).</param>
/// <param name="Score">rate: 1 to 5.</param>
public sealed record TopicActionRequest(
    TopicKind? Kind = null,
    TopicScale? Scale = null,
    string? Reason = null,
    Electorate? Electorate = null,
    DecisionRule? Rule = null,
    Guid? ResidentId = null,
    Guid? RepresentativeId = null,
    BallotChoice? Choice = null,
    BallotChannel? Channel = null,
    TaskAssigneeType? AssigneeType = null,
    string? AssigneeId = null,
    string? AcceptanceCriteria = null,
    decimal? Budget = null,
    DateOnly? Deadline = null,
    string? Note = null,
    IReadOnlyList<string>? Evidence = null,
    int? Score = null);

/// <summary>Reads one action's fields from a <see cref="TopicActionRequest"/> and applies the action to the topic.</summary>
internal static class TopicStepRequest
{
    /// <summary>Residents support and rate; workers take every other step.</summary>
    public static bool IsResidentsStep(TopicAction action) => action is TopicAction.Support or TopicAction.Rate;

    /// <summary>The fields the action needs that the request lacks.</summary>
    public static Dictionary<string, string[]> MissingFields(TopicAction action, TopicActionRequest request) => FieldChecks.ByField(action switch
    {
        TopicAction.Classify =>
        [
            ("kind", request.Kind is null ? WireNames.Expected<TopicKind>() : null),
            ("scale", request.Scale is null ? WireNames.Expected<TopicScale>() : null),
        ],
        TopicAction.Open =>
        [
            ("electorate", request.Electorate is null ? WireNames.Expected<Electorate>() : null),
            ("rule", request.Rule is null ? WireNames.Expected<DecisionRule>() : null),
        ],
        TopicAction.Ballot =>
        [
            ("residentId", request.ResidentId is null && request.RepresentativeId is null ? "The resident (or representativeId: the representative) voting." : null),
            ("choice", request.Choice is null ? WireNames.Expected<BallotChoice>() : null),
            ("channel", request.Channel is null ? WireNames.Expected<BallotChannel>() : null),
        ],
        TopicAction.Assign =>
        [
            ("assigneeType", request.AssigneeType is null ? WireNames.Expected<TaskAssigneeType>() : null),
            ("assigneeId", string.IsNullOrWhiteSpace(request.AssigneeId) ? "Who carries out the task." : null),
            ("acceptanceCriteria", string.IsNullOrWhiteSpace(request.AcceptanceCriteria) ? "What the result is accepted against, fixed before work starts." : null),
        ],
        TopicAction.Progress or TopicAction.Inspect or TopicAction.Complete => [("note", string.IsNullOrWhiteSpace(request.Note) ? "What was done or found." : null)],
        TopicAction.Rate => [("score", request.Score is null ? "A score from 1 to 5." : null)],
        _ => [],
    });

    /// <summary>Applies the action; the records it creates (supports, ballots, ratings, a referred demand) are added to <paramref name="db"/>.</summary>
    /// <exception cref="TopicRuleException">The topic's rules refuse the action.</exception>
    public static async Task<ProblemHttpResult?> ApplyAsync(
        TopicAction action, TopicActionRequest request, Topic topic, DemandActor actor, ResidentsDbContext db, DemandSlaPolicy sla, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        switch (action)
        {
            case TopicAction.Classify:
                if (topic.Classify(request.Kind!.Value, request.Scale!.Value, request.Reason, DemandTrackingNumbers.New(now), sla, actor, now) is { } referral)
                {
                    db.Demands.Add(referral);
                    db.AddIntegrationEvent(DemandEvents.Received(referral));
                }

                break;
            case TopicAction.Support:
                var supported = await db.TopicSupports.AnyAsync(s => s.TopicId == topic.Id && s.UserId == actor.UserId, cancellationToken);
                db.TopicSupports.Add(topic.Support(supported, actor, now));
                break;
            case TopicAction.Open:
                topic.OpenVote(request.Electorate!.Value, request.Rule!.Value, await Electorates.SizeAsync(topic.NodeId, topic.NodePath, request.Electorate.Value, db, now, cancellationToken), actor, now);
                break;
            case TopicAction.Ballot:
                if (await Electorates.VoterAsync(topic.NodeId, topic.NodePath, topic.Electorate!.Value, request.ResidentId, request.RepresentativeId, db, now, cancellationToken) is not var (key, residentId))
                {
                    var (field, who) = request.RepresentativeId is { } named ? ("representativeId", $"Representative {named}") : ("residentId", $"Resident {request.ResidentId}");
                    return new DomainException(TopicErrors.NotInElectorate, $"{who} is not in this vote's electorate.", field).ToProblem();
                }

                var voted = await db.TopicBallots.AnyAsync(b => b.TopicId == topic.Id && b.VoterKey == key, cancellationToken);
                db.TopicBallots.Add(topic.CastBallot(key, residentId, voted, request.Choice!.Value, request.Channel!.Value, actor, now));
                break;
            case TopicAction.Close:
                topic.CloseVote(actor, now);
                break;
            case TopicAction.Assign:
                topic.AssignTask(request.AssigneeType!.Value, request.AssigneeId!, request.AcceptanceCriteria!, request.Budget, request.Deadline, actor, now);
                break;
            case TopicAction.Progress or TopicAction.Inspect:
                topic.Supervise(action, request.Note!, request.Evidence, actor, now);
                break;
            case TopicAction.Complete:
                var linked = topic.LinkedDemandIds.ToList();
                topic.CompleteTask(request.Note!, request.Evidence, await db.Demands.Where(d => linked.Contains(d.Id)).ToListAsync(cancellationToken), actor, now);
                break;
            case TopicAction.Rate:
                var rated = await db.TopicRatings.AnyAsync(r => r.TopicId == topic.Id && r.UserId == actor.UserId, cancellationToken);
                db.TopicRatings.Add(topic.Rate(request.Score!.Value, rated, actor, now));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "Not a topic action.");
        }

        return null;
    }
}
