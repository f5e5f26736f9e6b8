using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Domain.Service;
using Platform.TimeBank.Contracts;

namespace Platform.PartyBuilding.Features.Service;

/// <summary>
/// Keeps the reported members' service records from the time bank: a shift approved for a member whose report the
/// community confirmed, under the party-service or volunteer-service purpose, becomes a record keyed on the time bank's
/// record id; its reversal marks that record reversed, or waits for it when it comes first. Runs inside the event's
/// district; the inbox applies each event once, and the record id makes a republished event change nothing.
/// </summary>
public sealed partial class TimeBankServiceConsumer(PartyBuildingDbContext db, TimeProvider clock, ILogger<TimeBankServiceConsumer> logger)
    : IConsumer<VolunteerServiceRecordedIntegrationEvent>, IConsumer<VolunteerServiceRecordReversedIntegrationEvent>
{
    // Mutual-aid time coins are neighbours' exchanges, not service the party member's record counts.
    private static readonly string[] CountedPurposes = [ServicePurposeNames.PartyService, ServicePurposeNames.VolunteerService];

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<VolunteerServiceRecordedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recorded = context.Message;
        var cancellationToken = context.CancellationToken;
        if (!CountedPurposes.Contains(recorded.Purpose) || await db.ServiceRecords.AnyAsync(r => r.Id == recorded.RecordId, cancellationToken))
        {
            return;
        }

        var report = await db.MemberReports.SingleOrDefaultAsync(r => r.UserId == recorded.UserId && r.Status == ReportStatus.Confirmed, cancellationToken);
        if (report is null)
        {
            // Volunteers who are not reported party members are the time bank's alone.
            return;
        }

        var record = ServiceRecord.FromTimeBank(
            recorded.RecordId, report, recorded.Category, recorded.ActivityTitle, recorded.ShiftStartsAt, recorded.ShiftEndsAt, recorded.Minutes,
            recorded.ApprovedBy, clock.GetUtcNow());
        if (await db.EarlyServiceReversals.SingleOrDefaultAsync(r => r.RecordId == recorded.RecordId, cancellationToken) is { } early)
        {
            record.Reverse(early.ReversedBy, early.ReversedAt);
            db.EarlyServiceReversals.Remove(early);
        }

        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        Log.Recorded(logger, recorded.RecordId, report.Id, recorded.Minutes);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<VolunteerServiceRecordReversedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reversed = context.Message;
        var cancellationToken = context.CancellationToken;
        var record = await db.ServiceRecords.SingleOrDefaultAsync(r => r.Id == reversed.RecordId, cancellationToken);
        if (record is not null)
        {
            record.Reverse(reversed.ReversedBy, reversed.OccurredAt);
        }
        else if (!await db.EarlyServiceReversals.AnyAsync(r => r.RecordId == reversed.RecordId, cancellationToken))
        {
            // The record may still be on its way (or was never the party's); if it comes, it comes reversed.
            db.EarlyServiceReversals.Add(EarlyServiceReversal.Of(reversed.RecordId, reversed.ReversedBy, reversed.OccurredAt));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Time-bank record {RecordId} of {Minutes} minutes counts for member report {ReportId}")]
        public static partial void Recorded(ILogger logger, Guid recordId, Guid reportId, long minutes);
    }
}
