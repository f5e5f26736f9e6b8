using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;

namespace Platform.Imports.Jobs;

/// <summary>Options of the import worker.</summary>
public sealed class ImportJobOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Imports";

    /// <summary>How often the worker looks for queued jobs when nobody has signalled one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job without a heartbeat for this long is taken to have lost its worker and runs again.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest file accepted.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>Wakes the import worker as soon as this instance queues a job.</summary>
public sealed class ImportJobSignal : WakeUpSignal;

/// <summary>
/// Runs queued import jobs one at a time per instance. Jobs are claimed with <c>FOR UPDATE SKIP LOCKED</c>,
/// so several instances share the queue without running a job twice; a job whose worker died (no heartbeat)
/// is claimed again, which is safe because handlers apply a file all or nothing and idempotently. A failed round
/// leaves its job running until it is abandoned and claimed again.
/// </summary>
internal sealed partial class ImportJobWorker<TContext>(
    IServiceScopeFactory scopes,
    ImportJobSignal signal,
    IOptions<ImportJobOptions> options,
    TimeProvider clock,
    ILogger<ImportJobWorker<TContext>> logger) : PeriodicWorker(clock, logger, signal)
    where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await ClaimAsync(cancellationToken) is { } job)
        {
            await RunAsync(job, cancellationToken);
        }
    }

    private async Task<ClaimedJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = Clock.GetUtcNow();
        var abandoned = now - options.Value.AbandonedAfter;
        var claimed = await db.Database.SqlQuery<ClaimedJob>($"""
            UPDATE import_jobs SET "State" = 'Running', "StartedAt" = {now}, "HeartbeatAt" = {now}
            WHERE "Id" = (
                SELECT "Id" FROM import_jobs
                WHERE "State" = 'Queued' OR ("State" = 'Running' AND "HeartbeatAt" < {abandoned})
                ORDER BY "RequestedAt"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "TenantId", "Kind"
            """).ToListAsync(cancellationToken);
        return claimed.FirstOrDefault();
    }

    private async Task RunAsync(ClaimedJob claimed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TContext>();
        var tenant = await services.GetRequiredService<ITenantStore>().FindByIdAsync(claimed.TenantId, cancellationToken);
        if (tenant is null)
        {
            LogTenantUnknown(Logger, claimed.Id, claimed.TenantId);
            return;
        }

        services.GetRequiredService<TenantContext>().Enter(tenant, "import-job");
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == claimed.Id, cancellationToken);
        ImportOutcome outcome;
        if (tenant.Status == TenantStatus.Suspended)
        {
            outcome = ImportOutcome.Refused(0, "The district is suspended; nothing was imported.");
        }
        else if (services.GetKeyedService<IImportHandler>(job.Kind) is not { } handler)
        {
            outcome = ImportOutcome.Refused(0, $"This service does not import '{job.Kind}' files.");
        }
        else
        {
            LogStarted(Logger, job.Id, job.Kind, tenant.Id);
            var progress = new ThrottledProgress(scopes, tenant, job.Id, Clock);
            try
            {
                outcome = await handler.RunAsync(
                    new ImportWork(job.Id, job.FileName, job.Content, job.Parameters, job.RequestedBy), progress, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogJobFailed(Logger, exception, job.Id);
                outcome = ImportOutcome.Refused(0, "The import failed unexpectedly; nothing was applied. Try again or contact support.");
            }
        }

        job.Finish(outcome, Clock.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        LogFinished(Logger, job.Id, job.State, job.RowsTotal, job.ErrorCount);
    }

    /// <summary>Writes progress at most a few times a second, in a unit of work of its own.</summary>
    private sealed class ThrottledProgress(IServiceScopeFactory scopes, TenantInfo tenant, Guid jobId, TimeProvider clock) : IImportProgress
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

        public async ValueTask ReportAsync(int processed, int total, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            if (now - _lastWrite < Interval && processed < total)
            {
                return;
            }

            _lastWrite = now;
            await using var scope = scopes.CreateTenantScope(tenant, "import-job");
            await scope.ServiceProvider.GetRequiredService<TContext>().Set<ImportJob>()
                .Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.RowsProcessed, processed).SetProperty(j => j.RowsTotal, total).SetProperty(j => j.HeartbeatAt, now), cancellationToken);
        }
    }

    private sealed class ClaimedJob
    {
        public Guid Id { get; init; }

        public Guid TenantId { get; init; }

        public string Kind { get; init; } = "";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} ({Kind}) started in tenant {TenantId}")]
    private static partial void LogStarted(ILogger logger, Guid jobId, string kind, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} finished {State}: {Rows} rows, {Errors} errors")]
    private static partial void LogFinished(ILogger logger, Guid jobId, ImportJobState state, int rows, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} belongs to unknown tenant {TenantId}; left running")]
    private static partial void LogTenantUnknown(ILogger logger, Guid jobId, Guid tenantId);

}
