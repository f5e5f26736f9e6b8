using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Imports.Tabular;

/// <summary>
/// The first worksheet of an .xlsx workbook, streamed with <see cref="OpenXmlReader"/> so a sheet of a hundred
/// thousand households is never loaded as a DOM.
/// </summary>
internal static class XlsxReader
{
    private const string Unreadable = "Not a readable .xlsx workbook";

    // XFD, Excel's last column; a larger reference is corrupt and would only make us allocate.
    private const int MaxColumn = 16_384;

    // Integers up to 2^53 are exact in a double; printing them as integers keeps counts and phone numbers free of
    // an exponent.
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    public static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\u0003\u0004"u8);

    public static TabularReadResult Read(ReadOnlyMemory<byte> content)
    {
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var worksheet = workbook is null ? null : FirstWorksheet(workbook);
            if (workbook is null || worksheet is null)
            {
                return TabularReadResult.Failed(TabularFormat.Xlsx, 1, Unreadable);
            }

            return ReadWorksheet(worksheet, ReadSharedStrings(workbook.SharedStringTablePart));
        }
        catch (Exception e) when (IsCorruptWorkbook(e))
        {
            return TabularReadResult.Failed(TabularFormat.Xlsx, 1, Unreadable);
        }
    }

    // Zip, packaging and XML layers each report damage with their own exception types. Programming errors
    // (null references, index out of range) are deliberately not in the list.
    private static bool IsCorruptWorkbook(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException
            or ArgumentException or InvalidOperationException or NotSupportedException;

    private static WorksheetPart? FirstWorksheet(WorkbookPart workbook)
    {
        // Sheets are listed in tab order; the first may be a chart sheet, which has no cells.
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
            {
                return worksheet;
            }
        }

        return null;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var phonetic = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                }
                else
                {
                    strings.Add(text.ToString());
                }
            }
            else if (type == typeof(PhoneticRun))
            {
                // Reading aids shown above the text, not part of the value.
                phonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(Text) && reader.IsStartElement && phonetic == 0)
            {
                text.Append(reader.GetText());
            }
        }

        return strings;
    }

    private static TabularReadResult ReadWorksheet(WorksheetPart worksheet, List<string> sharedStrings)
    {
        var table = new TableBuilder(TabularFormat.Xlsx);
        var cells = new List<string>();
        var inlineText = new StringBuilder();
        var line = 0;
        var column = 0;
        string? dataType = null;
        string? value = null;
        var phonetic = 0;

        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    line = ParsePositive(Attribute(reader, "r")) ?? line + 1;
                    column = 0;
                    cells.Clear();
                }
                else
                {
                    TrimTrailingEmpty(cells);
                    table.Add(line, cells);
                }
            }
            else if (type == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    string? reference = null;
                    dataType = null;
                    foreach (var attribute in reader.Attributes)
                    {
                        if (attribute.LocalName == "r")
                        {
                            reference = attribute.Value;
                        }
                        else if (attribute.LocalName == "t")
                        {
                            dataType = attribute.Value;
                        }
                    }

                    // Writers may omit empty cells and even the reference; then the cell follows the previous one.
                    column = ColumnOf(reference) ?? Math.Min(column + 1, MaxColumn);
                    value = null;
                    inlineText.Clear();
                }
                else
                {
                    var text = CellText(dataType, value, inlineText, sharedStrings);
                    if (text is null)
                    {
                        return TabularReadResult.Failed(TabularFormat.Xlsx, line, Unreadable);
                    }

                    Place(cells, column, text.Trim());
                }
            }
            else if (type == typeof(CellValue) && reader.IsStartElement)
            {
                value = reader.GetText();
            }
            else if (type == typeof(PhoneticRun))
            {
                phonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(Text) && reader.IsStartElement && phonetic == 0)
            {
                inlineText.Append(reader.GetText());
            }
        }

        return table.Build();
    }

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The text Excel shows for the cell; null when the workbook is inconsistent.</summary>
    private static string? CellText(string? dataType, string? value, StringBuilder inlineText, List<string> sharedStrings) =>
        dataType switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : null,
            "inlineStr" => inlineText.ToString(),
            "b" => value switch
            {
                "1" => "TRUE",
                "0" => "FALSE",
                _ => value ?? string.Empty,
            },
            null or "n" => FormatNumber(value),

            // Formula strings ("str"), errors ("e") and ISO dates ("d") are stored as the text to show.
            _ => value ?? string.Empty,
        };

    private static string FormatNumber(string? value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return value ?? string.Empty;
        }

        return Math.Abs(number) < MaxExactInteger && number == Math.Floor(number)
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>1-based column of a reference such as <c>AB12</c>; null when it has no usable column letters.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetter(reference[0]))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumn)
            {
                return null;
            }
        }

        return column;
    }

    private static int? ParsePositive(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;

    private static void Place(List<string> cells, int column, string text)
    {
        while (cells.Count < column - 1)
        {
            cells.Add(string.Empty);
        }

        if (cells.Count < column)
        {
            cells.Add(text);
        }
        else
        {
            cells[column - 1] = text;
        }
    }

    // Formatted but empty cells after the data are invisible in Excel; they must not make a row look too long.
    private static void TrimTrailingEmpty(List<string> cells)
    {
        var count = cells.Count;
        while (count > 0 && cells[count - 1].Length == 0)
        {
            count--;
        }

        cells.RemoveRange(count, cells.Count - count);
    }
}
