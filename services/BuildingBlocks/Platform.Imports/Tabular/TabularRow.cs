namespace Platform.Imports.Tabular;

/// <summary>One data record of an upload, cells trimmed and in file order.</summary>
/// <param name="Line">
/// Where the user finds the record: the physical line it starts on in a CSV (a quoted field may span lines), or
/// the worksheet row number in an .xlsx. Skipped blank rows do not shift it, so error reports point at the
/// right place.
/// </param>
/// <param name="Cells">
/// The record's cells, as many as the file has: a row shorter or longer than the header is returned as is so the
/// caller can report it with the row's context.
/// </param>
public sealed record TabularRow(int Line, IReadOnlyList<string> Cells);
