using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Testing;

/// <summary>Builds small .xlsx workbooks for import tests, as Excel would save them.</summary>
public static class TestWorkbook
{
    /// <summary>
    /// A workbook whose one sheet holds <paramref name="rows"/>: an <see cref="int"/> becomes a number cell, a
    /// string an inline string, null an empty cell.
    /// </summary>
    public static byte[] Create(params object?[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                {
                    row.Append(value switch
                    {
                        int number => new Cell { CellValue = new CellValue(number), DataType = CellValues.Number },
                        string text => new Cell { InlineString = new InlineString(new Text(text)), DataType = CellValues.InlineString },
                        _ => new Cell(),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }
}
