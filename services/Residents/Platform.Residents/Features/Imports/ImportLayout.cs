using Platform.Imports.Jobs;
using Platform.Imports.Tabular;

namespace Platform.Residents.Features.Imports;

/// <summary>A column of an import file, known by an English and a Chinese header.</summary>
internal sealed record ImportColumn(string English, string Chinese, bool Required)
{
    public override string ToString() => $"{English}/{Chinese}";
}

/// <summary>
/// Where a file's header puts each column of a kind of file: the columns in any order, in English or Chinese. A column
/// the import does not know is an error rather than ignored: it is usually a misspelt optional column, whose data would
/// otherwise be dropped without a word.
/// </summary>
internal sealed class ImportLayout
{
    private const int HeaderLine = 1;

    private readonly Dictionary<ImportColumn, (int Index, string Header)> _columns;

    private ImportLayout(Dictionary<ImportColumn, (int Index, string Header)> columns, int width)
    {
        _columns = columns;
        Width = width;
    }

    /// <summary>How many cells the header has; a row with more non-empty cells has lost its alignment.</summary>
    public int Width { get; }

    /// <summary>
    /// The layout of <paramref name="header"/> for a file of <paramref name="known"/> columns, or null with every problem
    /// of the header in <paramref name="errors"/>.
    /// </summary>
    public static ImportLayout? Of(IReadOnlyList<string> header, IReadOnlyList<ImportColumn> known, List<ImportRowError> errors)
    {
        var columns = new Dictionary<ImportColumn, (int Index, string Header)>();
        var before = errors.Count;
        for (var index = 0; index < header.Count; index++)
        {
            var name = header[index];
            if (name.Length == 0)
            {
                continue;
            }

            if (known.FirstOrDefault(c => c.English == name || c.Chinese == name) is not { } column)
            {
                errors.Add(new ImportRowError(HeaderLine, $"Unknown column '{name}'; the columns are {string.Join(", ", known.Select(c => c.ToString()))}."));
            }
            else if (!columns.TryAdd(column, (index, name)))
            {
                errors.Add(new ImportRowError(HeaderLine, $"Column '{name}' repeats column '{columns[column].Header}'."));
            }
        }

        var missing = known.Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportRowError(HeaderLine, $"Required column{(missing.Count > 1 ? "s" : "")} missing: {string.Join(", ", missing)}."));
        }

        return errors.Count > before ? null : new ImportLayout(columns, header.Count);
    }

    /// <summary>Whether the file has <paramref name="column"/>.</summary>
    public bool Has(ImportColumn column) => _columns.ContainsKey(column);

    /// <summary>The column's header as the file spells it, so that errors use the user's words.</summary>
    public string HeaderOf(ImportColumn column) => _columns.TryGetValue(column, out var found) ? found.Header : column.English;

    /// <summary>The row's cell in <paramref name="column"/>; empty when the column or the cell is missing.</summary>
    public string Cell(TabularRow row, ImportColumn column) =>
        _columns.TryGetValue(column, out var found) && found.Index < row.Cells.Count ? row.Cells[found.Index] : "";
}
