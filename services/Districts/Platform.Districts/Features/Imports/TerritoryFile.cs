using System.Globalization;
using Platform.Districts.Contracts;
using Platform.Districts.Domain;
using Platform.Domain;
using Platform.Imports.Jobs;
using Platform.Imports.Tabular;

namespace Platform.Districts.Features.Imports;

/// <summary>One data row of a territory file, checked for form (not yet against the tree).</summary>
internal sealed record TerritoryRow(int Line, TerritoryNodeKind Kind, string Code, string Name, string? ParentCode, AttributeCells Attributes);

/// <summary>What a territory file holds: its well-formed rows, the errors of the rest, and the rejected rows' codes.</summary>
internal sealed record TerritoryFileContent(IReadOnlyList<TerritoryRow> Rows, List<ImportRowError> Errors, IReadOnlyDictionary<string, int> RejectedCodes, int Total);

/// <summary>
/// The attribute cells of a row. A column missing from the file leaves that attribute of an existing node as it
/// is; a column present with an empty cell clears it.
/// </summary>
internal sealed record AttributeCells(
    Optional<CommunityKind?> CommunityKind,
    Optional<GovernanceMode?> GovernanceMode,
    Optional<int?> Households,
    Optional<decimal?> FloorArea)
{
    /// <summary>The attributes a node ends up with when the row applies to <paramref name="current"/>.</summary>
    public TerritoryAttributes Over(TerritoryAttributes current) => current with
    {
        CommunityKind = CommunityKind.Or(current.CommunityKind),
        GovernanceMode = GovernanceMode.Or(current.GovernanceMode),
        Households = Households.Or(current.Households),
        FloorArea = FloorArea.Or(current.FloorArea),
    };
}

/// <summary>A value that may be absent (column not in the file), as opposed to present and empty.</summary>
internal readonly record struct Optional<T>(bool IsPresent, T Value)
{
    public T Or(T fallback) => IsPresent ? Value : fallback;
}

/// <summary>
/// Reads the rows of a territory file: header <c>kind,code,name,parent_code</c> then optionally
/// <c>community_kind,governance_mode,households,floor_area</c>, in any order. Every problem of form is
/// reported with its line; the tree rules are checked afterwards, by the plan.
/// </summary>
internal static class TerritoryFile
{
    public const string Kind = "kind";
    public const string Code = "code";
    public const string Name = "name";
    public const string ParentCode = "parent_code";
    public const string CommunityKindColumn = "community_kind";
    public const string GovernanceModeColumn = "governance_mode";
    public const string HouseholdsColumn = "households";
    public const string FloorAreaColumn = "floor_area";

    private static readonly string[] Required = [Kind, Code, Name, ParentCode];
    private static readonly string[] Known = [.. Required, CommunityKindColumn, GovernanceModeColumn, HouseholdsColumn, FloorAreaColumn];

    /// <summary>
    /// The rows that are well-formed, the errors of the others, and the codes of rejected rows (with their line)
    /// so that their children can be told why they cannot be placed.
    /// </summary>
    public static TerritoryFileContent Read(TabularReadResult table)
    {
        var errors = new List<ImportRowError>();
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        if (table.Error is { } unreadable)
        {
            errors.Add(new ImportRowError(unreadable.Line, unreadable.Reason));
            return new([], errors, rejected, table.Rows.Count);
        }

        const int headerLine = 1;
        var columns = table.Header.Select((name, index) => (name, index)).Where(c => c.name.Length > 0)
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().index);
        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new ImportRowError(headerLine, $"Column '{missing}' is missing; the header must start kind,code,name,parent_code."));
        }

        foreach (var unknown in columns.Keys.Where(c => !Known.Contains(c)))
        {
            errors.Add(new ImportRowError(headerLine, $"Unknown column '{unknown}'; known columns are {string.Join(",", Known)}."));
        }

        if (errors.Count > 0)
        {
            return new([], errors, rejected, table.Rows.Count);
        }

        var rows = new List<TerritoryRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (Parse(row, columns, errors) is { } parsed)
            {
                rows.Add(parsed);
            }
            else if (columns[Code] < row.Cells.Count && row.Cells[columns[Code]] is { Length: > 0 } code)
            {
                rejected.TryAdd(code, row.Line);
            }
        }

        return new(rows, errors, rejected, table.Rows.Count);
    }

    private static TerritoryRow? Parse(TabularRow row, Dictionary<string, int> columns, List<ImportRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column) => columns.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index] : "";
        void Fail(string reason) => errors.Add(new ImportRowError(row.Line, reason));

        var kindText = Cell(Kind);
        if (!TerritoryVocabulary.TryParseKind(kindText, out var kind))
        {
            Fail(kindText.Length == 0 ? "kind is empty." : $"Unknown kind '{kindText}'; use one of {TerritoryVocabulary.KindNames}.");
        }

        var code = Cell(Code);
        if (TerritoryRules.CodeProblem(code) is { } codeProblem)
        {
            Fail($"code: {codeProblem}");
        }

        var name = Cell(Name);
        if (TerritoryRules.NameProblem(name) is { } nameProblem)
        {
            Fail($"name: {nameProblem}");
        }

        var attributes = new AttributeCells(
            Enumerated<CommunityKind>(columns, CommunityKindColumn, Cell, TerritoryVocabulary.TryParseCommunityKind, Fail),
            Enumerated<GovernanceMode>(columns, GovernanceModeColumn, Cell, TerritoryVocabulary.TryParseGovernanceMode, Fail),
            Number<int>(columns, HouseholdsColumn, Cell, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, Fail),
            Number<decimal>(columns, FloorAreaColumn, Cell, text => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null, Fail));

        var parentCode = Cell(ParentCode);
        return errors.Count > before ? null : new TerritoryRow(row.Line, kind, code, name, parentCode.Length == 0 ? null : parentCode, attributes);
    }

    private delegate bool TryParse<TEnum>(string text, out TEnum value);

    private static Optional<TEnum?> Enumerated<TEnum>(
        Dictionary<string, int> columns, string column, Func<string, string> cell, TryParse<TEnum> parse, Action<string> fail)
        where TEnum : struct, Enum
    {
        if (!columns.ContainsKey(column))
        {
            return default;
        }

        var text = cell(column);
        if (text.Length == 0)
        {
            return new(true, null);
        }

        if (parse(text, out var value))
        {
            return new(true, value);
        }

        fail($"{column}: unknown value '{text}'; use one of {string.Join("|", WireNames.All<TEnum>())}.");
        return default;
    }

    private static Optional<TNumber?> Number<TNumber>(
        Dictionary<string, int> columns, string column, Func<string, string> cell, Func<string, TNumber?> parse, Action<string> fail)
        where TNumber : struct
    {
        if (!columns.ContainsKey(column))
        {
            return default;
        }

        var text = cell(column);
        if (text.Length == 0)
        {
            return new(true, null);
        }

        if (parse(text) is { } value)
        {
            return new(true, value);
        }

        fail($"{column}: '{text}' is not a number.");
        return default;
    }
}
