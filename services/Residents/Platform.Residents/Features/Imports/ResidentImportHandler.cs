using Platform.Domain;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.PersonalData;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.TerritoryReplica;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Imports;

/// <summary>
/// Imports a resident file: checks every row on all cores, plans the file against the registered residents (see
/// <see cref="ResidentImportPlan"/>) and, only if no row is rejected, writes the new and changed residents,
/// new households and their events with <c>COPY</c> in one transaction. The database is read a bounded number
/// of times per file, never per row.
/// </summary>
internal sealed class ResidentImportHandler(ResidentsDbContext db, ITenantContext tenant, PersonalDataProtector protector, TimeProvider clock) : IImportHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "residents";

    /// <summary>The job parameter holding the uploader's <c>territory</c> claim.</summary>
    public const string TerritoryParameter = "territory";

    // Rows checked between two progress reports.
    private const int CheckBatch = 10_000;

    // Keys per lookup query and rows per COPY: large enough to be few, small enough to keep the job's heartbeat going.
    private const int Batch = 50_000;

    /// <summary>Above this many residents in the table per ID number of the file, the file's are looked up rather than all read.</summary>
    private const int ScanShare = 4;

    private static readonly Expression<Func<Resident, ResidentSnapshot>> Snapshot = r => new ResidentSnapshot(
        r.Id, r.IdNumberHash, r.Name, r.NodeId, r.NodePath, r.HouseholdId, r.PhoneHash, r.Residence, EF.Property<List<string>>(r, "_tags"));

    /// <summary>How many added residents make the tables' planner statistics worth refreshing straight away.</summary>
    private const int StatisticsRefreshThreshold = 1_000;

    public async Task<ImportOutcome> RunAsync(ImportWork work, IImportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(progress);
        var table = TabularFile.Read(work.Content);
        if (table.Error is { } unreadable)
        {
            return ImportOutcome.Refused(unreadable.Line, unreadable.Reason);
        }

        var total = table.Rows.Count;
        var headerErrors = new List<ImportRowError>();
        if (ResidentFile.Of(table.Header, headerErrors) is not { } file)
        {
            return new ImportOutcome(total, headerErrors, new Dictionary<string, int>());
        }

        // The job's heartbeat: progress is rows checked, which are all checked before the writing starts.
        ValueTask Alive() => progress.ReportAsync(total, total, cancellationToken);
        await progress.ReportAsync(0, total, cancellationToken);

        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Resident imports run inside a district.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One import per district at a time: each plans against the residents as the previous one left them.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"resident-import:" + tenantId}, 0))", cancellationToken);

        var scope = await CallerScope.OfClaimAsync(work.Parameters.GetValueOrDefault(TerritoryParameter), db, cancellationToken);
        var nodes = await NodesByCodeAsync(cancellationToken);
        var today = DistrictClock.Today(now);
        var rows = new ResidentRow[total];
        for (var start = 0; start < total; start += CheckBatch)
        {
            var end = Math.Min(start + CheckBatch, total);
            Parallel.For(start, end, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                rows[i] = ResidentRow.Check(table.Rows[i], file, nodes, scope, protector, today));
            await progress.ReportAsync(end, total, cancellationToken);
        }

       
        var hashes = rows.Select(r => r.IdNumberHash).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var existing = await ExistingAsync(hashes, Alive, cancellationToken);
       
        var householdNodes = rows.Where(r => r.Household is not null && r.Node is not null).Select(r => r.Node!.Id).Distinct();
        var households = await InBatchesAsync(householdNodes, batch => db.Households.AsNoTracking().Where(h => batch.Contains(h.NodeId)), Alive, cancellationToken);

       
        var plan = ResidentImportPlan.Make(rows, existing, households, scope, now);
        if (plan.Errors.Count > 0)
        {
            return new ImportOutcome(total, plan.Errors, new Dictionary<string, int>());
        }

       
        var loaded = (await InBatchesAsync(plan.ResidentsToLoad, batch => db.Residents.AsNoTracking().Where(r => batch.Contains(r.Id)), Alive, cancellationToken))
            .ToDictionary(r => r.Id);
       
        var summary = new Dictionary<string, int> { ["added"] = 0, ["updated"] = 0, ["unchanged"] = 0, ["householdsAdded"] = plan.NewHouseholds.Count };
        Task<ResidentChanges> Apply(int start) =>
            Task.Run(() => plan.Apply(start, Math.Min(Batch, total - start), loaded, tenantId, protector, cancellationToken), cancellationToken);
        try
        {
            await TenantBulkCopy.InsertAsync(db, plan.NewHouseholds, cancellationToken);
            // The database writes one batch while the cores encrypt the next.
            var next = total > 0 ? Apply(0) : null;
            for (var start = 0; next is not null; start += Batch)
            {
                var changes = await next;
                next = start + Batch < total ? Apply(start + Batch) : null;
                await TenantBulkCopy.InsertAsync(db, changes.Added, cancellationToken);
                await TenantBulkCopy.UpdateAsync(db, changes.Updated, cancellationToken);
                await db.AddIntegrationEventsAsync(changes.Events, cancellationToken);
                foreach (var (name, count) in changes.Summary)
                {
                    summary[name] += count;
                }

                await Alive();
            }

            if (summary["added"] >= StatisticsRefreshThreshold)
            {
                // Fresh statistics at once, rather than whenever autovacuum gets to it: the next import's lookups
                // by hash are planned for the table as it is now, not as it was when nearly empty.
                await db.Database.ExecuteSqlRawAsync("ANALYZE residents, households", cancellationToken);
            }

           
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.IsUniqueViolation())
        {
            // A resident or household of the file was added through the API while the file was being applied.
            return ImportOutcome.Refused(0, "Residents changed while the file was being applied; nothing was imported. Upload it again.");
        }

        return new ImportOutcome(total, [], summary);
    }

    /// <summary>The registered residents with the ID numbers of <paramref name="hashes"/>, by hash.</summary>
    private async Task<Dictionary<string, ResidentSnapshot>> ExistingAsync(HashSet<string> hashes, Func<ValueTask> alive, CancellationToken cancellationToken)
    {
        var residents = db.Residents.AsNoTracking();
        // The planner's estimate of the table, refreshed by every large import: when the file names a good share
        // of it, one streamed read of the district's residents beats looking the hashes up batch by batch.
        var estimated = await db.Database.SqlQuery<long>($"SELECT GREATEST(reltuples, 0)::bigint AS \"Value\" FROM pg_class WHERE oid = 'residents'::regclass")
            .SingleAsync(cancellationToken);
        if (hashes.Count * ScanShare < estimated)
        {
            return (await InBatchesAsync(hashes, batch => residents.Where(r => batch.Contains(r.IdNumberHash)).Select(Snapshot), alive, cancellationToken))
                .ToDictionary(r => r.IdNumberHash, StringComparer.Ordinal);
        }

        var existing = new Dictionary<string, ResidentSnapshot>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var resident in residents.Select(Snapshot).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (hashes.Contains(resident.IdNumberHash))
            {
                existing.Add(resident.IdNumberHash, resident);
            }

            if (++read % Batch == 0)
            {
                await alive();
            }
        }

        return existing;
    }

    /// <summary>The district's nodes by code; a live node wins over a retired one that kept the code.</summary>
    private async Task<Dictionary<string, TerritoryReplicaNode>> NodesByCodeAsync(CancellationToken cancellationToken)
    {
        var nodes = await db.TerritoryNodes.AsNoTracking().Where(n => n.Code != "").OrderBy(n => n.Retired).ToListAsync(cancellationToken);
        var byCode = new Dictionary<string, TerritoryReplicaNode>(nodes.Count, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byCode.TryAdd(node.Code, node);
        }

        return byCode;
    }

    /// <summary>Runs <paramref name="query"/> for the keys a batch at a time (one array parameter each) and collects the results.</summary>
    private static async Task<List<T>> InBatchesAsync<TKey, T>(
        IEnumerable<TKey> keys, Func<TKey[], IQueryable<T>> query, Func<ValueTask> alive, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        foreach (var batch in keys.Chunk(Batch))
        {
            results.AddRange(await query(batch).ToListAsync(cancellationToken));
            await alive();
        }

        return results;
    }
}
