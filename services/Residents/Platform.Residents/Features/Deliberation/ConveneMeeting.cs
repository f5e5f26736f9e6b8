using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>A meeting to convene.</summary>
/// <param name="Type">A type of the district's list (议事厅, 恳谈会, 听证会, 居民会议, 联席会议 …).</param>
/// <param name="Title">Title.</param>
/// <param name="NodeId">The building, compound, community or street whose meeting it is.</param>
/// <param name="StartsAt">When it starts: at least the notice period (Deliberation:MeetingNoticePeriod, default 3 days) ahead.</param>
/// <param name="Place">Where, if held in a place.</param>
/// <param name="OnlineLink">The link, if held online.</param>
/// <param name="TopicIds">The agenda: topics on the agenda or being voted on within the node, in order.</param>
public sealed record ConveneMeetingRequest(
    string? Type, string? Title, Guid? NodeId, DateTimeOffset? StartsAt, string? Place, string? OnlineLink, IReadOnlyList<Guid>? TopicIds) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Type), string.IsNullOrWhiteSpace(Type) ? "A type of the district's list." : null),
        (nameof(Title), string.IsNullOrWhiteSpace(Title) ? "The meeting's title." : null),
        (nameof(NodeId), NodeId is null ? "The node whose meeting it is." : null),
        (nameof(StartsAt), StartsAt is null ? "When it starts." : null),
        (nameof(TopicIds), TopicIds is null or { Count: 0 } ? "The topics on the agenda." : null));
}

/// <summary>Convenes a meeting of a node inside a worker's scope and announces it as a public notice until it starts.</summary>
internal static class ConveneMeeting
{
    public static void Map(IEndpointRouteBuilder meetings) =>
        meetings.MapPost("", HandleAsync).WithSummary(
            "Convene a meeting (workers): a type of the district's list fixes whose attendance counts and the quorum; the start is at least the notice period ahead "
            + "(400 meeting.notice_too_short); the agenda holds topics on the agenda or being voted on within the node (400 meeting.topic_not_on_agenda). "
            + "Announced at once as a meeting_convened notice running until the start.");

    private static async Task<Results<Created<MeetingResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ConveneMeetingRequest request, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<DeliberationRules> rules, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return MeetingAccess.Forbidden();
        }

        if (!rules.Value.MeetingTypes.TryGetValue(request.Type!.Trim(), out var type))
        {
            return ProblemResults.Validation("type", $"The district's meeting types are {string.Join("、", rules.Value.MeetingTypes.Keys)}.");
        }

        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (node is null || node.Retired || !(await CallerScope.OfAsync(caller, db, cancellationToken)).Sees(node.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        var topicIds = request.TopicIds!.ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        if (topicIds.FirstOrDefault(id => !topics.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
        {
            return ProblemResults.Validation("topicIds", $"No topic {unknown} in the district.");
        }

        var agenda = topicIds.Select(id => topics[id]).ToList();
        var now = clock.GetUtcNow();
        var by = DemandAccess.Actor(caller).UserId;
        var meeting = Meeting.Convene(
            node, request.Type, type, request.Title!, request.StartsAt!.Value, request.Place, request.OnlineLink, agenda, rules.Value.MeetingNoticePeriod, by, now);
        var notice = PublicNotices.MeetingConvened(meeting, agenda, by, now);
        db.Meetings.Add(meeting);
        db.Notices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/deliberation/meetings/{meeting.Id}", MeetingResponse.From(meeting, notice.Id));
    }
}
