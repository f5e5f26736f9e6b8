using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy.Storage;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Clearing;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Ledger;

namespace Platform.TimeBank.Features.Clearing;

/// <summary>
/// The receiving district applies a clearing request once per transfer id: it credits the user's account (opened if
/// needed) from its clearing account for the sender, or records a refusal (cap, unknown purpose, suspended district),
/// and answers the sender, all in the inbox's transaction. A request for a transfer already recorded changes nothing:
/// its answer is in the outbox already.
/// </summary>
internal sealed class ClearingTransferRequestedConsumer(TimeBankDbContext db, LedgerWriter ledger, ITenantStore tenants, TimeProvider clock)
    : IConsumer<ClearingTransferRequestedIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ClearingTransferRequestedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        if (await db.ClearingTransfers.AnyAsync(t => t.Id == request.ClearingTransferId, cancellationToken))
        {
            return;
        }

        var own = await tenants.FindByIdAsync(request.TenantId, cancellationToken) ?? throw new InvalidOperationException($"District {request.TenantId} is not in the catalogue.");
        var now = clock.GetUtcNow();
        ClearingTransfer recorded;
        if (!own.IsActive)
        {
            recorded = Refuse(request, ClearingErrors.DistrictSuspended, $"District {own.Identifier} is suspended.", now);
        }
        else if (!WireNames.TryParse<Purpose>(request.Purpose, out var purpose))
        {
            recorded = Refuse(request, ClearingErrors.UnknownPurpose, $"District {own.Identifier} runs no purpose '{request.Purpose}'.", now);
        }
        else
        {
            var (volunteer, _) = await ledger.FindOrOpenAsync(Account.OfVolunteer(request.UserId, purpose, now), cancellationToken);
            var (clearingAccount, _) = await ledger.FindOrOpenAsync(Account.ClearingWith(request.FromDistrict, purpose, now), cancellationToken);
            try
            {
                await ledger.WriteAsync(
                    new TransferOrder(request.ClearingTransferId, purpose, clearingAccount.Id, volunteer.Id, request.Minutes, $"通存通兑 ← {request.FromDistrict}", Pending: false),
                    createdBy: null, cancellationToken);
                recorded = ClearingTransfer.Received(request.ClearingTransferId, request.FromDistrict, request.FromTenantId, request.UserId, purpose, request.Minutes, now);
                await ClearingEndpoints.ReportBalanceAsync(db, clearingAccount.Id, own.Identifier, request.FromTenantId, now, cancellationToken);
            }
            catch (DomainException refused)
            {
                // The ledger checks every limit before it changes anything, so a refusal leaves both accounts as they were.
                recorded = Refuse(request, refused.Error, refused.Message, now);
            }
        }

        db.ClearingTransfers.Add(recorded);
        db.AddIntegrationEvent(new ClearingTransferAnsweredIntegrationEvent
        {
            TenantId = request.FromTenantId, OccurredAt = now, ClearingTransferId = recorded.Id, FromDistrict = own.Identifier,
            Accepted = recorded.Status == ClearingStatus.Completed, RefusalCode = recorded.RefusalCode, Reason = recorded.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ClearingTransfer Refuse(ClearingTransferRequestedIntegrationEvent request, DomainError refusal, string reason, DateTimeOffset now) =>
        ClearingTransfer.Refused(
            request.ClearingTransferId, request.FromDistrict, request.FromTenantId, request.UserId,
            WireNames.TryParse<Purpose>(request.Purpose, out var purpose) ? purpose : default, request.Minutes, refusal, reason, now);
}

/// <summary>
/// The sending district applies the receiver's first answer to a clearing transfer: it posts the reservation (and
/// reports its clearing balance to the receiver) or voids it. Later answers to the same transfer change nothing.
/// </summary>
internal sealed partial class ClearingTransferAnsweredConsumer(TimeBankDbContext db, LedgerWriter ledger, ITenantStore tenants, TimeProvider clock, ILogger<ClearingTransferAnsweredConsumer> logger)
    : IConsumer<ClearingTransferAnsweredIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ClearingTransferAnsweredIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = context.Message;
        var cancellationToken = context.CancellationToken;
        var tenantId = answer.TenantId;
        var id = answer.ClearingTransferId;
        // Two answers at once queue up on the record's row; the second finds it finished.
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM clearing_transfers WHERE "TenantId" = {tenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
        var sent = await db.ClearingTransfers.SingleOrDefaultAsync(t => t.Id == id && t.Direction == ClearingDirection.Outgoing, cancellationToken);
        if (sent is null)
        {
            LogUnknownTransfer(logger, id, answer.FromDistrict);
            return;
        }

        var now = clock.GetUtcNow();
        if (!sent.ApplyAnswer(answer.Accepted, answer.RefusalCode, answer.Reason, now))
        {
            return;
        }

        if (answer.Accepted)
        {
            var posted = await ledger.FinishWithinAsync(id, post: true, cancellationToken);
            var own = await tenants.FindByIdAsync(tenantId, cancellationToken) ?? throw new InvalidOperationException($"District {tenantId} is not in the catalogue.");
            await ClearingEndpoints.ReportBalanceAsync(db, posted.CreditAccountId, own.Identifier, sent.CounterpartyTenantId, now, cancellationToken);
        }
        else
        {
            await ledger.VoidIfPendingWithinAsync(id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer for unknown clearing transfer {ClearingTransferId} from {District} ignored")]
    private static partial void LogUnknownTransfer(ILogger logger, Guid clearingTransferId, string district);
}

/// <summary>Keeps the newest clearing balance each counterparty reported; older or repeated reports are ignored.</summary>
internal sealed class ClearingBalanceReportedConsumer(TimeBankDbContext db, TimeProvider clock) : IConsumer<ClearingBalanceReportedIntegrationEvent>
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<ClearingBalanceReportedIntegrationEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = context.Message;
        if (!WireNames.TryParse<Purpose>(report.Purpose, out var purpose))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var now = clock.GetUtcNow();
        var kept = await db.ClearingReports.SingleOrDefaultAsync(r => r.Counterparty == report.FromDistrict && r.Purpose == purpose, cancellationToken);
        if (kept is null)
        {
            db.ClearingReports.Add(ClearingReport.First(report.FromDistrict, purpose, report.ClearingMinutes, report.Version, now));
        }
        else if (!kept.Apply(report.ClearingMinutes, report.Version, now))
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
