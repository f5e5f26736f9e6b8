using Platform.Domain;
using Platform.Contracts;
using Platform.Imports.Jobs;
using Platform.PersonalData;
using Platform.Residents.Domain;
using Platform.Residents.Features.Residents;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Imports;

/// <summary>What the import needs to know of a registered resident to tell whether a row changes them.</summary>
internal sealed record ResidentSnapshot(
    Guid Id, string IdNumberHash, string Name, Guid NodeId, string NodePath, Guid? HouseholdId, string? PhoneHash, Residence Residence, List<string> Tags);

/// <summary>The rows to write and the events to publish once a file has been accepted.</summary>
internal sealed record ResidentChanges(
    IReadOnlyList<Resident> Added, IReadOnlyList<Resident> Updated, IReadOnlyList<IIntegrationEvent> Events, Dictionary<string, int> Summary);

/// <summary>
/// Works out, in memory and in time linear in the rows, what a resident file does to the district: rows are
/// matched to registered residents by the ID number's lookup hash; a new ID number registers a resident, a known
/// one is updated only where the file differs (name, phone, residence, place) and left alone otherwise, so a
/// file imported twice changes nothing the second time. Tags in a file are added, never removed: a file is a
/// list of what someone knows, and taking a tag away (an allowance ended) is a deliberate act through the API.
/// Age tags are derived from the birth date, whatever the file says.
/// </summary>
internal sealed class ResidentImportPlan
{
    // How many other lines a duplicate's first line names before it only counts them.
    private const int LinesNamed = 5;

    private readonly ResidentRow[] _rows;
    private readonly Step[] _steps;
    private readonly DateTimeOffset _now;

    private ResidentImportPlan(ResidentRow[] rows, DateTimeOffset now)
    {
        _rows = rows;
        _steps = new Step[rows.Length];
        _now = now;
    }

    /// <summary>Every rejected row; the plan may be applied only when there are none.</summary>
    public List<ImportRowError> Errors { get; } = [];

    /// <summary>Households the file names that do not exist yet.</summary>
    public List<Household> NewHouseholds { get; } = [];

    /// <summary>The registered residents the file changes, to be loaded whole before <see cref="Apply"/>.</summary>
    public List<Guid> ResidentsToLoad { get; } = [];

    /// <summary>
    /// Plans <paramref name="rows"/> against the registered residents with the rows' ID numbers
    /// (<paramref name="existing"/>, by hash) and the households at the rows' nodes.
    /// </summary>
    public static ResidentImportPlan Make(
        ResidentRow[] rows, IReadOnlyDictionary<string, ResidentSnapshot> existing, IEnumerable<Household> households, CallerScope scope, DateTimeOffset now)
    {
        var plan = new ResidentImportPlan(rows, now);
        plan.CheckRows(existing, scope);
        if (plan.Errors.Count == 0)
        {
            plan.Decide(existing, households.ToDictionary(h => (h.NodeId, h.Number)));
        }

        return plan;
    }

    /// <summary>
    /// Registers the new residents and changes the loaded ones (<paramref name="loaded"/>, by id) of the rows from
    /// <paramref name="start"/> on (<paramref name="count"/> of them) through the domain, on all cores but one: encrypting
    /// personal data is most of the work. Ranges are independent, so the next one can be worked out while the
    /// previous one is written.
    /// </summary>
    public ResidentChanges Apply(
        int start, int count, IReadOnlyDictionary<Guid, Resident> loaded, Guid tenantId, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var residents = new Resident?[count];
        var events = new IIntegrationEvent[]?[count];
        // One core is left to writing the previous range meanwhile, which takes longer than this range on one core: on a
        // two-core machine with the database on it, encrypting on both slowed the COPY more than it sped the
        // encryption up (300,000 rows: 14.3 s → 13.7 s).
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };
        Parallel.For(0, count, options, i =>
        {
            var (row, step) = (_rows[start + i], _steps[start + i]);
            if (step.Existing is null)
            {
                var resident = Resident.Register(
                    tenantId, row.Name, row.IdNumber!, row.Phone, step.Place!, row.Residence ?? Residence.Hukou, row.Tags, protector, _now);
                residents[i] = resident;
                events[i] = [ResidentEvents.Registered(tenantId, resident)];
            }
            else if (step.Place is { } place)
            {
                (residents[i], events[i]) = Update(loaded[step.Existing.Id], row, place, tenantId, protector);
            }
        });

        var summary = new Dictionary<string, int> { ["added"] = 0, ["updated"] = 0, ["unchanged"] = 0 };
        var added = new List<Resident>();
        var updated = new List<Resident>();
        for (var i = 0; i < count; i++)
        {
            if (residents[i] is not { } resident)
            {
                summary["unchanged"]++;
            }
            else if (_steps[start + i].Existing is null)
            {
                added.Add(resident);
                summary["added"]++;
            }
            else
            {
                updated.Add(resident);
                summary["updated"]++;
            }
        }

        return new ResidentChanges(added, updated, [.. events.Where(e => e is not null).SelectMany(e => e!)], summary);
    }

    private void CheckRows(IReadOnlyDictionary<string, ResidentSnapshot> existing, CallerScope scope)
    {
        var firstLine = new Dictionary<string, int>(_rows.Length, StringComparer.Ordinal);
        var repeats = new Dictionary<int, List<int>>();
        foreach (var row in _rows)
        {
            foreach (var problem in row.Problems ?? [])
            {
                Errors.Add(new ImportRowError(row.Line, problem));
            }

            if (row.IdNumberHash is not { } hash)
            {
                continue;
            }

            if (!firstLine.TryAdd(hash, row.Line))
            {
                var first = firstLine[hash];
                Errors.Add(new ImportRowError(row.Line, $"The same ID number is on line {first} already."));
                if (!repeats.TryGetValue(first, out var lines))
                {
                    repeats[first] = lines = [];
                }

                lines.Add(row.Line);
            }
            else if (existing.TryGetValue(hash, out var resident) && !scope.Sees(resident.NodePath))
            {
                Errors.Add(new ImportRowError(row.Line, "This ID number is registered to a resident outside your area; their street or the district can move them."));
            }
        }

        foreach (var (first, lines) in repeats)
        {
            var named = string.Join(", ", lines.Take(LinesNamed));
            var more = lines.Count > LinesNamed ? $" and {lines.Count - LinesNamed} more" : "";
            Errors.Add(new ImportRowError(first, $"The same ID number is also on line{(lines.Count > 1 ? "s" : "")} {named}{more}."));
        }
    }

    private void Decide(IReadOnlyDictionary<string, ResidentSnapshot> existing, Dictionary<(Guid NodeId, string Number), Household> households)
    {
        var today = DistrictClock.Today(_now);
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i];
            var resident = existing.GetValueOrDefault(row.IdNumberHash!);
            var place = PlaceOf(row, resident, households);
            if (resident is null)
            {
                _steps[i] = new Step(null, place);
            }
            else if (Differs(row, resident, place, today))
            {
                _steps[i] = new Step(resident, place);
                ResidentsToLoad.Add(resident.Id);
            }
            else
            {
                _steps[i] = new Step(resident, null);
            }
        }
    }

    /// <summary>Where the row puts the resident; without a door number a resident staying at the node keeps their household.</summary>
    private ResidentPlace PlaceOf(ResidentRow row, ResidentSnapshot? resident, Dictionary<(Guid NodeId, string Number), Household> households)
    {
        var node = row.Node!;
        if (row.Household is not { } number)
        {
            return new ResidentPlace(node.Id, node.Path, resident?.NodeId == node.Id ? resident.HouseholdId : null);
        }

        if (!households.TryGetValue((node.Id, number), out var household))
        {
            household = Household.At(node.Id, node.Path, number, _now);
            households[(node.Id, number)] = household;
            NewHouseholds.Add(household);
        }

        return household.Place;
    }

    private static bool Differs(ResidentRow row, ResidentSnapshot resident, ResidentPlace place, DateOnly today) =>
        row.Name != resident.Name
        || (row.PhoneHash is { } phone && phone != resident.PhoneHash)
        || (row.Residence is { } residence && residence != resident.Residence)
        || place.NodeId != resident.NodeId
        || place.HouseholdId != resident.HouseholdId
        || WantedTags(row, today).Any(tag => !resident.Tags.Contains(tag));

    private static IEnumerable<string> WantedTags(ResidentRow row, DateOnly today) => row.Tags.Concat(ResidentTags.FromAge(row.IdNumber!.BirthDate, today));

    /// <summary>Applies the row to a registered resident; null when the domain finds nothing to change after all.</summary>
    private (Resident?, IIntegrationEvent[]?) Update(Resident resident, ResidentRow row, ResidentPlace place, Guid tenantId, PersonalDataProtector protector)
    {
        var from = resident.NodeId;
        var moved = resident.MoveTo(place);
        var retagged = resident.Tag(WantedTags(row, DistrictClock.Today(_now)));
        var changed = resident.Rename(row.Name) | moved | retagged;
        if (row.Phone is { } phone && row.PhoneHash != resident.PhoneHash)
        {
            resident.ChangePhone(phone, protector);
            changed = true;
        }

        changed |= row.Residence is { } residence && resident.ChangeResidence(residence);
        if (!changed)
        {
            return (null, null);
        }

        resident.Touch(_now);
        var events = new List<IIntegrationEvent>(2);
        if (moved)
        {
            events.Add(ResidentEvents.Moved(tenantId, resident, from, _now));
        }

        if (retagged)
        {
            events.Add(ResidentEvents.TagsChanged(tenantId, resident, _now));
        }

        return (resident, [.. events]);
    }

    /// <summary>What becomes of a row: a new resident at <c>Place</c>, an existing one moved or changed to it, or (no place) left alone.</summary>
    private readonly record struct Step(ResidentSnapshot? Existing, ResidentPlace? Place);
}
