using Platform.Domain;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;
using Platform.PersonalData;
using Platform.Property.Domain.Roll;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Areas;

/// <summary>One unit of a roll file, checked: its first line, code, building, area, delivery and holders.</summary>
internal sealed record RollFileUnit(int Line, string Code, TerritoryReplicaNode Building, decimal FloorArea, bool Delivered, IReadOnlyList<UnitHolder> Holders);

/// <summary>
/// An owners' roll file: a header naming the columns <c>unit_code, building_code, area, delivered, holder_kind,
/// holder_name, holder_id_number, holder_credit_code</c> in any order, then one row per holder, so that a co-held unit
/// has several rows that agree on the unit's own columns. Every problem is reported with its line; a file with any
/// problem is not applied.
/// </summary>
internal static class RollFile
{
    private const string UnitCodeColumn = "unit_code", BuildingCodeColumn = "building_code", AreaColumn = "area", DeliveredColumn = "delivered",
        HolderKindColumn = "holder_kind", HolderNameColumn = "holder_name", HolderIdNumberColumn = "holder_id_number",
        HolderCreditCodeColumn = "holder_credit_code";

    private static readonly string[] Columns =
    [
        UnitCodeColumn, BuildingCodeColumn, AreaColumn, DeliveredColumn, HolderKindColumn, HolderNameColumn, HolderIdNumberColumn, HolderCreditCodeColumn,
    ];

    private const int HeaderLine = 1;

    /// <summary>
    /// The file's units, each checked against the area's <paramref name="buildings"/> (by code), or every problem of
    /// the file in <paramref name="errors"/>.
    /// </summary>
    public static List<RollFileUnit> Read(
        TabularReadResult table, IReadOnlyDictionary<string, TerritoryReplicaNode> buildings, PersonalDataProtector protector, DateOnly today,
        List<ImportRowError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, i) in table.Header.Select((name, i) => (name.Trim(), i)).Where(h => h.Item1.Length > 0))
        {
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new ImportRowError(HeaderLine, $"Unknown column '{name}'; the columns are {string.Join(", ", Columns)}."));
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(new ImportRowError(HeaderLine, $"Column '{name}' appears twice."));
            }
        }

        if (Columns.Where(c => !index.ContainsKey(c)).ToList() is { Count: > 0 } missing)
        {
            errors.Add(new ImportRowError(HeaderLine, $"Missing column{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}."));
        }

        if (errors.Count > 0)
        {
            return [];
        }

        string Cell(TabularRow row, string column) => index[column] < row.Cells.Count ? row.Cells[index[column]].Trim() : "";

        var units = new List<RollFileUnit>();
        foreach (var rows in table.Rows.GroupBy(row => Cell(row, UnitCodeColumn), StringComparer.Ordinal))
        {
            var first = rows.First();
            var before = errors.Count;
            void Problem(TabularRow row, string column, string problem) => errors.Add(new ImportRowError(row.Line, $"{column}: {problem}"));

            if (ExclusiveUnit.CodeProblem(rows.Key) is { } codeProblem)
            {
                Problem(first, UnitCodeColumn, codeProblem);
            }

            // The unit's own columns are given on every row of it and must agree, so that no row is silently ignored.
            foreach (var column in (string[])[BuildingCodeColumn, AreaColumn, DeliveredColumn])
            {
                if (rows.FirstOrDefault(row => Cell(row, column) != Cell(first, column)) is { } differing)
                {
                    Problem(differing, column, $"Unit {rows.Key} is given '{Cell(first, column)}' on line {first.Line}.");
                }
            }

            if (!buildings.TryGetValue(Cell(first, BuildingCodeColumn), out var building))
            {
                Problem(first, BuildingCodeColumn, $"No building '{Cell(first, BuildingCodeColumn)}' in the area.");
            }

            if (!FloorArea.TryParse(Cell(first, AreaColumn), out var floorArea, out var areaProblem))
            {
                Problem(first, AreaColumn, areaProblem!);
            }

            var delivered = Cell(first, DeliveredColumn).ToLowerInvariant() switch
            {
                "true" or "是" => true,
                "false" or "否" => (bool?)false,
                _ => null,
            };
            if (delivered is null)
            {
                Problem(first, DeliveredColumn, "true or false (是 or 否).");
            }

            var requests = rows.Select(row => (Row: row, Holder: new UnitHolderRequest(
                    Cell(row, HolderKindColumn), Cell(row, HolderNameColumn), NullIfEmpty(Cell(row, HolderIdNumberColumn)),
                    NullIfEmpty(Cell(row, HolderCreditCodeColumn)))))
                .ToList();
            foreach (var (row, holder) in requests)
            {
                foreach (var (field, problem) in holder.Problems(today))
                {
                    Problem(row, HolderColumn(field), problem);
                }
            }

            var developers = requests.Count(r => WireNames.TryParse<HolderKind>(r.Holder.Kind, out var kind) && kind == HolderKind.Developer);
            if (ExclusiveUnit.HoldersProblem(requests.Count, developers) is { } holdersProblem)
            {
                Problem(first, HolderKindColumn, holdersProblem);
            }

            if (errors.Count == before)
            {
                units.Add(new RollFileUnit(
                    first.Line, rows.Key, building!, floorArea, delivered!.Value, [.. requests.Select(r => r.Holder.ToHolder(today, protector))]));
            }
        }

        return units;
    }

    private static string? NullIfEmpty(string cell) => cell.Length == 0 ? null : cell;

    private static string HolderColumn(string field) => field switch
    {
        "kind" => HolderKindColumn,
        "name" => HolderNameColumn,
        "idNumber" => HolderIdNumberColumn,
        _ => HolderCreditCodeColumn,
    };
}
