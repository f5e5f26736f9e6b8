using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Deliberation;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Residents.Features.Deliberation;

/// <summary>One attendee: a resident (adult registered within the node, or a representative who is one), a representative by id, or a household through any adult member.</summary>
public sealed record MeetingAttendanceRequest(Guid? ResidentId = null, Guid? RepresentativeId = null);

/// <summary>What a speaker said in the minutes.</summary>
public sealed record MeetingSpeakerRequest(string? Name, SpeakerRole? Role, Guid? TopicId, string? Summary);

/// <summary>A resolution on a topic of the agenda whose vote has closed.</summary>
public sealed record MeetingResolutionRequest(Guid? TopicId, string? Text);

/// <summary>The minutes that close a meeting.</summary>
public sealed record CloseMeetingRequest(
    string? Minutes, IReadOnlyList<MeetingSpeakerRequest>? Speakers, IReadOnlyList<string>? MinorityOpinions, IReadOnlyList<MeetingResolutionRequest>? Resolutions);

/// <summary>Why a meeting is called off.</summary>
public sealed record CancelMeetingRequest(string? Reason);

/// <summary>A meeting from convening to its minutes: attendance against the roll, opening with the quorum, closing with minutes and resolutions, or cancelling.</summary>
internal static class HoldMeeting
{
    public static void Map(IEndpointRouteBuilder meetings)
    {
        meetings.MapGet("", ListAsync).WithSummary("The meetings inside your scope, soonest start last (workers).");
        meetings.MapGet("{id:guid}", GetAsync).WithSummary("One meeting with its attendance, minutes and resolutions (workers).");
        meetings.MapPost("{id:guid}/attendance", AttendAsync).WithSummary(
            "Record an attendee on the roll (workers): residentId or representativeId; one per household for a households' roll. "
            + "400 meeting.not_on_roll, 409 meeting.already_attending.");
        meetings.MapPost("{id:guid}/open", OpenAsync).WithSummary(
            "Open the meeting from its start when the attendance makes the quorum against the roll counted now (409 meeting.quorum_not_met, meeting.not_started).");
        meetings.MapPost("{id:guid}/close", CloseAsync).WithSummary(
            "Close the meeting with minutes, speakers (proposer, seconder, opponent, other), minority opinions and resolutions on agenda topics whose vote has closed; "
            + "publishes a meeting_minutes notice with attendance, each resolution's tally and the minority opinions (no names).");
        meetings.MapPost("{id:guid}/cancel", CancelAsync).WithSummary("Call a convened meeting off, with the reason.");
    }

    private static async Task<Results<Ok<PagedResult<MeetingResponse>>, ProblemHttpResult>> ListAsync(
        int? page, int? pageSize, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return MeetingAccess.Forbidden();
        }

        var paging = new PageRequest(page, pageSize);
        var meetings = (await MeetingAccess.InScopeAsync(caller, db, cancellationToken)).AsNoTracking();
        var listed = await meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).ToPageAsync(paging, cancellationToken);
        var notices = await NoticesAsync(db, [.. listed.Items.Select(m => m.Id)], cancellationToken);
        return TypedResults.Ok(listed.Map(m => MeetingResponse.From(m, notices.GetValueOrDefault(m.Id))));
    }

    private static async Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        await ActAsync(id, caller, db, (_, _) => Task.FromResult<ProblemHttpResult?>(null), cancellationToken);

    private static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> AttendAsync(
        Guid id, MeetingAttendanceRequest? request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, async (meeting, actor) =>
        {
            var now = clock.GetUtcNow();
            var (residentId, representativeId) = (request?.ResidentId, request?.RepresentativeId);
            (Guid Key, Guid? ResidentId)? attendee = MeetingAccess.ElectorateOf(meeting.Roll) is { } electorate
                ? await Electorates.VoterAsync(meeting.NodeId, meeting.NodePath, electorate, residentId, representativeId, db, now, cancellationToken)
                : residentId is { } anyone && await db.Residents.AnyAsync(r => r.Id == anyone, cancellationToken) ? (anyone, anyone) : null;
            if (attendee is not var (key, resident))
            {
                return new DomainException(MeetingErrors.NotOnRoll, "The person named is not on this meeting's roll.", representativeId is null ? "residentId" : "representativeId").ToProblem();
            }

            var recorded = await db.MeetingAttendances.AnyAsync(a => a.MeetingId == meeting.Id && a.AttendeeKey == key, cancellationToken);
            db.MeetingAttendances.Add(meeting.RecordAttendance(key, resident, recorded, actor, now));
            return null;
        }, cancellationToken);

    private static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, async (meeting, _) =>
        {
            var now = clock.GetUtcNow();
            var rollSize = MeetingAccess.ElectorateOf(meeting.Roll) is { } electorate ? await Electorates.SizeAsync(meeting.NodeId, meeting.NodePath, electorate, db, now, cancellationToken) : 0;
            meeting.Open(rollSize, now);
            return null;
        }, cancellationToken);

    private static async Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        Guid id, CloseMeetingRequest? request, ClaimsPrincipal caller, ResidentsDbContext db, IOptions<NoticeRules> notices, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request?.Speakers?.Any(s => s.Role is null) == true)
        {
            return ProblemResults.Validation("speakers", $"Each speaker's role: {WireNames.Expected<SpeakerRole>()}");
        }

        return await ActAsync(id, caller, db, async (meeting, actor) =>
        {
            var now = clock.GetUtcNow();
            var agendaIds = meeting.AgendaTopicIds.ToList();
            var agenda = await db.Topics.AsNoTracking().Where(t => agendaIds.Contains(t.Id)).ToListAsync(cancellationToken);
            meeting.Close(
                request?.Minutes ?? "",
                [.. (request?.Speakers ?? []).Select(s => new MeetingSpeaker(s.Name ?? "", s.Role!.Value, s.TopicId, s.Summary ?? ""))],
                request?.MinorityOpinions ?? [],
                [.. (request?.Resolutions ?? []).Select(r => (r.TopicId ?? Guid.Empty, r.Text ?? ""))],
                agenda, now);
            db.Notices.Add(PublicNotices.MeetingMinutes(meeting, agenda, notices.Value.ResultPeriod, actor, now));
            return null;
        }, cancellationToken);
    }

    private static Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelMeetingRequest? request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ActAsync(id, caller, db, (meeting, _) =>
        {
            meeting.Cancel(request?.Reason ?? "", clock.GetUtcNow());
            return Task.FromResult<ProblemHttpResult?>(null);
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="step"/> to a meeting in the worker's scope and saves it; an attendance counted meanwhile makes
    /// the save fail on the meeting's version, and the step is applied again to the meeting as it is now.
    /// </summary>
    private static async Task<Results<Ok<MeetingResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, Func<Meeting, string, Task<ProblemHttpResult?>> step, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return MeetingAccess.Forbidden();
        }

        var meetings = await MeetingAccess.InScopeAsync(caller, db, cancellationToken);
        var actor = DemandAccess.Actor(caller).UserId;
        for (var attempt = 1; ; attempt++)
        {
            if (await meetings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } meeting)
            {
                return MeetingAccess.NotFound(id);
            }

            if (await step(meeting, actor) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(MeetingResponse.From(meeting, (await NoticesAsync(db, [id], cancellationToken)).GetValueOrDefault(id)));
            }
            catch (DbUpdateException exception) when (attempt < DemandTrackingNumbers.Attempts && (exception is DbUpdateConcurrencyException || exception.IsUniqueViolation()))
            {
                // Another attendance counted meanwhile, or the same attendee recorded twice at once: trying again tells which.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateConcurrencyException)
            {
                return new DomainException(MeetingErrors.ChangedConcurrently, "Someone else changed this meeting at the same time; reload it and try again.").ToProblem();
            }
        }
    }

    /// <summary>The latest notice of each meeting: its minutes once closed, its convening notice before.</summary>
    private static async Task<Dictionary<Guid, Guid?>> NoticesAsync(ResidentsDbContext db, IReadOnlyCollection<Guid> meetingIds, CancellationToken cancellationToken) =>
        await db.Notices.AsNoTracking()
            .Where(n => (n.Kind == NoticeKind.MeetingConvened || n.Kind == NoticeKind.MeetingMinutes) && n.SubjectId != null && meetingIds.Contains(n.SubjectId.Value))
            .GroupBy(n => n.SubjectId!.Value)
            .Select(g => new { MeetingId = g.Key, NoticeId = g.OrderByDescending(n => n.PublishedAt).Select(n => (Guid?)n.Id).First() })
            .ToDictionaryAsync(n => n.MeetingId, n => n.NoticeId, cancellationToken);
}
