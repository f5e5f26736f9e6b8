using System.Text;

namespace Platform.ServiceDefaults;

/// <summary>The pieces of a CSV file the services hand out for spreadsheets (error reports, exports).</summary>
public static class CsvText
{
    /// <summary>A field in double quotes, its own quotes doubled.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// As <see cref="Quoted"/>, with a leading <c>= + - @</c> neutralised, so that a spreadsheet does not read a name
    /// someone typed as a formula.
    /// </summary>
    public static string QuotedAsText(string text) =>
        Quoted(text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text);

    /// <summary>The file as UTF-8 with a byte-order mark, which Excel needs to show Chinese text correctly.</summary>
    public static byte[] ForSpreadsheets(StringBuilder csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
