using Microsoft.EntityFrameworkCore;
using Platform.Messaging.Outbox;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Service;

/// <summary>
/// A service record's credit is the transfer whose id is the record's; reversing that transfer corrects the record, and
/// the party-building service hears of it by <see cref="VolunteerServiceRecordReversedIntegrationEvent"/>, queued in the
/// reversal's own transaction so that the event leaves exactly when the reversal commits.
/// </summary>
internal static class ServiceRecordReversals
{
    /// <summary>Queues the announcement if <paramref name="reversal"/> reverses a service record's credit.</summary>
    public static async Task AnnounceIfServiceRecordAsync(TimeBankDbContext db, Transfer reversal, string? reversedBy, CancellationToken cancellationToken)
    {
        var recordId = reversal.ReversesTransferId;
        var record = await db.Shifts
            .SelectMany(s => s.SignUps.Where(u => u.RecordId == recordId).Select(u => new { s.TenantId, u.VolunteerId }))
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return;
        }

        db.AddIntegrationEvent(new VolunteerServiceRecordReversedIntegrationEvent
        {
            TenantId = record.TenantId, OccurredAt = reversal.CreatedAt, RecordId = recordId!.Value, UserId = record.VolunteerId, Minutes = reversal.Minutes,
            ReversalTransferId = reversal.Id, ReversedBy = reversedBy ?? "system",
        });
    }
}
