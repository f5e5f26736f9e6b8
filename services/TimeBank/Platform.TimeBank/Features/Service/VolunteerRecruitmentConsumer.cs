using System.Security.Cryptography;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.SocialOrgs.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Domain.Service;

namespace Platform.TimeBank.Features.Service;

/// <summary>
/// Opens the activity a social organisation's project asks for (社会组织招募志愿者): one activity at the requested node,
/// organised by the member who asked for the organisation, with one shift for the volunteers wanted. Runs inside the
/// event's district; the inbox applies each request once. A request the time bank cannot serve (a node it does not know,
/// a shift it would refuse) is logged and dropped rather than left to block the queue.
/// </summary>
public sealed partial class VolunteerRecruitmentConsumer(TimeBankDbContext db, TimeProvider clock, ILogger<VolunteerRecruitmentConsumer> logger)
    : IConsumer<VolunteerRecruitmentRequestedIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<VolunteerRecruitmentRequestedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Message;
        var now = clock.GetUtcNow();
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, context.CancellationToken);
        var problem = node is null || node.Retired ? $"node {request.NodeId} is not an active node of the district"
            : Activity.TitleProblem(request.Title) ?? Activity.PlaceProblem(request.Place)
            ?? Shift.Problem(request.ShiftStartsAt, request.ShiftEndsAt, request.Volunteers, now);
        if (problem is not null)
        {
            Log.Refused(logger, request.RecruitmentId, request.OrganisationId, problem);
            return;
        }

        var category = WireNames.TryParse(request.Category, out ActivityCategory known) ? known : ActivityCategory.Other;
        var activity = Activity.Post(request.Title, category, node!.Id, node.Path, Purpose.VolunteerService, request.Place, request.OrganiserUserId, now);
        db.Activities.Add(activity);
        db.Shifts.Add(activity.AddShift(request.ShiftStartsAt, request.ShiftEndsAt, request.Volunteers, RandomNumberGenerator.GetBytes(32), now));
        await db.SaveChangesAsync(context.CancellationToken);
        Log.Opened(logger, activity.Id, request.RecruitmentId, request.OrganisationId);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} opened for recruitment {RecruitmentId} of organisation {OrganisationId}")]
        public static partial void Opened(ILogger logger, Guid activityId, Guid recruitmentId, Guid organisationId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Recruitment {RecruitmentId} of organisation {OrganisationId} not opened: {Problem}")]
        public static partial void Refused(ILogger logger, Guid recruitmentId, Guid organisationId, string problem);
    }
}
