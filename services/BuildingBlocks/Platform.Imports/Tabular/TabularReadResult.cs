namespace Platform.Imports.Tabular;

/// <summary>The content of an upload, or why it could not be read.</summary>
/// <param name="Format">The format and encoding that were detected, reported even when reading failed.</param>
/// <param name="Header">
/// Cells of the first non-blank row, trimmed and lower-cased (invariant) so callers can match column names
/// without caring how the exporting system capitalised them. Empty when <paramref name="Error"/> is set.
/// </param>
/// <param name="Rows">The non-blank records after the header. Empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Set when the file could not be read; no partial rows are returned then.</param>
public sealed record TabularReadResult(
    TabularFormat Format,
    IReadOnlyList<string> Header,
    IReadOnlyList<TabularRow> Rows,
    TabularFileError? Error)
{
    internal static TabularReadResult Failed(TabularFormat format, int line, string reason) =>
        new(format, [], [], new TabularFileError(line, reason));
}
