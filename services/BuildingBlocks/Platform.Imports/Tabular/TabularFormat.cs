namespace Platform.Imports.Tabular;

/// <summary>
/// How an upload was read. Reported back so an import summary can tell the user which encoding was assumed
/// when Chinese text comes out garbled.
/// </summary>
public enum TabularFormat
{
    /// <summary>CSV decoded as UTF-8, with or without a byte order mark.</summary>
    CsvUtf8,

    /// <summary>
    /// CSV that is not valid UTF-8, decoded as GB18030 (a superset of GBK), the default of Excel and of most
    /// government systems on Chinese Windows.
    /// </summary>
    CsvGbk,

    /// <summary>An Excel workbook; only its first worksheet is read.</summary>
    Xlsx,
}
