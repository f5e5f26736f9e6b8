using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Districts.Data;
using Platform.Districts.Features.Territory;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Imports;

/// <summary>
/// Imports a territory file: reads it, plans every row against the current tree, and only if no row is
/// rejected writes the new and changed nodes and their events with <c>COPY</c> in one transaction.
/// </summary>
internal sealed class TerritoryImportHandler(DistrictsDbContext db, ITenantContext tenant, TimeProvider clock) : IImportHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "territory";

    /// <summary>How many added nodes make the table's planner statistics worth refreshing straight away.</summary>
    private const int StatisticsRefreshThreshold = 1_000;

    /// <summary>The job parameter holding the uploader's <c>territory</c> claim.</summary>
    public const string TerritoryParameter = "territory";

    public async Task<ImportOutcome> RunAsync(ImportWork work, IImportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(progress);
        var file = TerritoryFile.Read(TabularFile.Read(work.Content));
        var total = file.Total;
        await progress.ReportAsync(0, total, cancellationToken);
        if (file.Rows.Count == 0 && file.Errors.Count > 0)
        {
            return new ImportOutcome(total, file.Errors, new Dictionary<string, int>());
        }

        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Territory imports run inside a district.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One import per district at a time: each plans against the tree as the previous one left it.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"territory-import:" + tenantId}, 0))", cancellationToken);

        var scope = await TerritoryAccess.ForClaimAsync(work.Parameters.GetValueOrDefault(TerritoryParameter), isEditor: true, db, cancellationToken);
        var existing = await db.TerritoryNodes.AsNoTracking().ToListAsync(cancellationToken);
        // Rows with errors of form are planned too, so one upload reports every problem of the file.
        var plan = TerritoryImportPlan.Make(file, existing, scope, tenantId, clock.GetUtcNow());
        await progress.ReportAsync(total, total, cancellationToken);
        if (plan.Errors.Count > 0)
        {
            return new ImportOutcome(total, plan.Errors, new Dictionary<string, int>());
        }

        try
        {
            await TenantBulkCopy.InsertAsync(db, plan.Added, cancellationToken);
            await TenantBulkCopy.UpdateAsync(db, plan.Changed, cancellationToken);
            await db.AddIntegrationEventsAsync(plan.Events, cancellationToken);
            if (plan.Added.Count >= StatisticsRefreshThreshold)
            {
                // Fresh statistics at once, rather than whenever autovacuum gets to it: with the old ones the
                // planner takes the first district's thousands of nodes for a handful and plans subtree queries badly.
                await db.Database.ExecuteSqlRawAsync("ANALYZE territory_nodes", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.IsUniqueViolation())
        {
            // A node with one of the file's codes was added through the API while the file was being applied.
            return ImportOutcome.Refused(0, "The district's tree changed while the file was being applied; nothing was imported. Upload it again.");
        }

        return new ImportOutcome(total, [], plan.Summary);
    }
}
