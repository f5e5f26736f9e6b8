using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.ServiceDefaults;

namespace Platform.Messaging.Outbox;

/// <summary>Wakes the outbox relay as soon as a change may have committed outbox rows.</summary>
public sealed class OutboxSignal : WakeUpSignal;

/// <summary>
/// Notifies the relay once outbox rows a context wrote are committed, and only then: a save or commit that
/// wrote none (the relay's own marking pass, a consumer's inbox row, any other request) must not wake it, or
/// the relay's empty batch wakes itself without end.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteAddedRows(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteAddedRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfRolledBack(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfRolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => NotifyIfWritten(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfWritten(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => OutboxWrites.Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OutboxWrites.Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void NoteAddedRows(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            OutboxWrites.Note(context);
        }
    }

    // Without a transaction of the caller's, SaveChanges committed its own by the time it returns.
    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            NotifyIfWritten(context);
        }
    }

    // A failed SaveChanges of its own rolled its transaction back; in the caller's, the caller decides.
    private static void ForgetIfRolledBack(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            OutboxWrites.Forget(context);
        }
    }

    private void NotifyIfWritten(DbContext? context)
    {
        if (OutboxWrites.Forget(context))
        {
            signal.Notify();
        }
    }
}

/// <summary>Which contexts wrote outbox rows that their transaction has not committed yet.</summary>
internal static class OutboxWrites
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Written = new();

    /// <summary>Records that <paramref name="context"/> wrote outbox rows in its current unit of work.</summary>
    public static void Note(DbContext context) => Pending.AddOrUpdate(context, Written);

    /// <summary>Clears the record; returns whether there was one.</summary>
    public static bool Forget(DbContext? context) => context is not null && Pending.Remove(context);
}
