using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;
using Platform.MultiTenancy.EntityFramework;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Roll;
using Platform.Districts.Contracts;
using Platform.TerritoryReplica;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Areas;

/// <summary>
/// Imports an area's owners' roll (<see cref="RollFile"/>): every row is checked, and only if none is rejected are the
/// file's units registered (written by COPY) or, for a unit code the area has already, revised, in one transaction. Importing the same
/// file again changes nothing; votes already open keep the roll they froze.
/// </summary>
internal sealed class RollImportHandler(PropertyDbContext db, PersonalDataProtector protector, TimeProvider clock) : IImportHandler
{
    /// <summary>The job kind.</summary>
    public const string Kind = "property-roll";

    /// <summary>The job parameter naming the area (the route parameter of the upload).</summary>
    public const string AreaParameter = "areaId";

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
        await progress.ReportAsync(0, total, cancellationToken);
        var now = clock.GetUtcNow();
        var areaId = Guid.Parse(work.Parameters[AreaParameter]);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One import per area at a time: each compares the file with the roll as the previous one left it.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"property-roll-import:" + areaId}, 0))", cancellationToken);
        if (await db.Areas.SingleOrDefaultAsync(a => a.Id == areaId, cancellationToken) is not { } area)
        {
            return ImportOutcome.Refused(0, $"There is no area {areaId}.");
        }

        var buildings = await BuildingsOfAsync(area, cancellationToken);
        var errors = new List<ImportRowError>();
        var units = RollFile.Read(table, buildings, protector, DistrictClock.Today(now), errors);
        await progress.ReportAsync(total, total, cancellationToken);
        if (errors.Count > 0)
        {
            return new ImportOutcome(total, errors, new Dictionary<string, int>());
        }

        var existing = await db.Units.Where(u => u.AreaId == area.Id).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var owners = await db.Owners.Where(o => o.AreaId == area.Id).ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, cancellationToken);
        var summary = new Dictionary<string, int> { ["added"] = 0, ["updated"] = 0, ["unchanged"] = 0 };
        // New owners and units go in by COPY (a first import is the whole roll: 20,000 units); units already there are
        // revised as tracked entities, which re-imports keep few.
        var newOwners = new List<AreaOwner>();
        var newUnits = new List<ExclusiveUnit>();
        foreach (var unit in units)
        {
            var key = OwnerKey.Of(unit.Delivered, unit.Holders);
            if (!owners.TryGetValue(key, out var owner))
            {
                owner = AreaOwner.For(area.Id, key, now);
                owners.Add(key, owner);
                newOwners.Add(owner);
            }

            try
            {
                if (!existing.TryGetValue(unit.Code, out var registered))
                {
                    newUnits.Add(ExclusiveUnit.Register(area, unit.Code, unit.Building.Id, unit.Building.Path, unit.FloorArea, unit.Delivered, unit.Holders, owner, now));
                    summary["added"]++;
                }
                else
                {
                    summary[registered.Revise(area, unit.Building.Id, unit.Building.Path, unit.FloorArea, unit.Delivered, unit.Holders, owner) ? "updated" : "unchanged"]++;
                }
            }
            catch (DomainException refused)
            {
                // The area's own rules (one developer) are checked as each unit joins it.
                errors.Add(new ImportRowError(unit.Line, refused.Message));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportOutcome(total, errors, new Dictionary<string, int>());
        }

        try
        {
            await TenantBulkCopy.InsertAsync(db, newOwners, cancellationToken);
            await TenantBulkCopy.InsertAsync(db, newUnits, cancellationToken);
            await TenantBulkCopy.InsertAsync(db, newUnits.SelectMany(u => u.Holders), cancellationToken);
            // The revised units, and the area when the file named its developer first.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception.IsUniqueViolation())
        {
            // A unit with one of the file's codes (or a new owner) was registered through the API while the file was being applied.
            return ImportOutcome.Refused(0, "The area's roll changed while the file was being applied; nothing was imported. Upload it again.");
        }

        return new ImportOutcome(total, [], summary);
    }

    /// <summary>The buildings the area covers, by code.</summary>
    private async Task<Dictionary<string, TerritoryReplicaNode>> BuildingsOfAsync(PropertyArea area, CancellationToken cancellationToken)
    {
        var buildings = new Dictionary<string, TerritoryReplicaNode>(StringComparer.Ordinal);
        foreach (var node in area.Nodes)
        {
            var found = await db.TerritoryNodes.AsNoTracking().InSubtree(n => n.Path, node.NodePath)
                .Where(n => n.Kind == TerritoryNodeKind.Building && !n.Retired)
                .ToListAsync(cancellationToken);
            foreach (var building in found)
            {
                buildings.TryAdd(building.Code, building);
            }
        }

        return buildings;
    }
}
