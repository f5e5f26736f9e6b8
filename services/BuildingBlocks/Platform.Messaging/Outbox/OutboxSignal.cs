using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.ServiceDefaults;

namespace Platform.Messaging.Outbox;

/// <summary>Wakes the outbox relay as soon as a change may have committed outbox rows.</summary>
public sealed class OutboxSignal : WakeUpSignal;

/// <summary>Notifies the relay after saves and commits.</summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }
}
