namespace Platform.Imports.Tabular;

/// <summary>Applies the header and blank-row rules the same way to every format.</summary>
internal sealed class TableBuilder(TabularFormat format)
{
    private const string EmptyFile = "The file is empty";

    private readonly List<TabularRow> rows = [];
    private List<string>? header;

    public static TabularReadResult Empty(TabularFormat format) => TabularReadResult.Failed(format, 1, EmptyFile);

    /// <summary>Takes a record of trimmed cells; the list is copied, so the caller may reuse it.</summary>
    public void Add(int line, List<string> cells)
    {
        if (cells.TrueForAll(static cell => cell.Length == 0))
        {
            return;
        }

        if (header is null)
        {
            header = cells.ConvertAll(static cell => cell.ToLowerInvariant());
        }
        else
        {
            rows.Add(new TabularRow(line, cells.ToArray()));
        }
    }

    public TabularReadResult Build() => header is null ? Empty(format) : new(format, header, rows, null);
}
