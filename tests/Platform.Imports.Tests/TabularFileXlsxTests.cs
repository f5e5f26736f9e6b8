using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Imports.Tabular;

namespace Platform.Imports.Tests;

public sealed class TabularFileXlsxTests
{
    // "line:cell|cell" keeps assertion failures readable.
    private static string[] Rows(TabularReadResult result) =>
        [.. result.Rows.Select(row => $"{row.Line}:{string.Join('|', row.Cells)}")];

    private static Row Row(uint number, params Cell[] cells) => new(cells) { RowIndex = number };

    private static Cell Shared(string reference, int index) =>
        new(new CellValue(index)) { CellReference = reference, DataType = CellValues.SharedString };

    private static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    private static Cell Number(string reference, string stored) => new(new CellValue(stored)) { CellReference = reference };

    private static SharedStringItem[] SharedStrings(params string[] texts) => [.. texts.Select(text => new SharedStringItem(new Text(text)))];

    private static byte[] Workbook(SharedStringItem[] sharedStrings, params Row[] rows) =>
        Workbook(sharedStrings, [("Sheet1", new SheetData(rows))], partOrder: [0]);

    /// <summary>Sheets are listed in the workbook in the given order but their parts are added in <paramref name="partOrder"/>.</summary>
    private static byte[] Workbook(SharedStringItem[] sharedStrings, (string Name, SheetData Data)[] sheets, int[] partOrder)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(sharedStrings);
            var ids = new string[sheets.Length];
            foreach (var index in partOrder)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(sheets[index].Data);
                ids[index] = workbookPart.GetIdOfPart(worksheetPart);
            }

            workbookPart.Workbook = new Workbook(new Sheets(sheets.Select((sheet, index) =>
                new Sheet { Id = ids[index], SheetId = (uint)index + 1, Name = sheet.Name })));
        }

        return stream.ToArray();
    }

    [Fact]
    public void Read_SharedAndInlineStrings_ReturnsHeaderAndRowsWithWorksheetRowNumbers()
    {
        var content = Workbook(
            SharedStrings("Name", " Households ", "AREA", "幸福小区"),
            Row(1, Shared("A1", 0), Shared("B1", 1), Shared("C1", 2)),
            Row(2, Shared("A2", 3), Number("B2", "120"), Number("C2", "85.5")),
            Row(3, Inline("A3", " 和平里 "), Number("B3", "64"), Number("C3", "40")));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(TabularFormat.Xlsx, result.Format);
        Assert.Equal(new[] { "name", "households", "area" }, result.Header);
        Assert.Equal(new[] { "2:幸福小区|120|85.5", "3:和平里|64|40" }, Rows(result));
    }

    [Theory]
    [InlineData("120", "120")]
    [InlineData("120.0", "120")]
    [InlineData("1.2E2", "120")]
    [InlineData("85.5", "85.5")]
    [InlineData("85.50", "85.5")]
    [InlineData("13800138000", "13800138000")]
    [InlineData("1234567890123456", "1234567890123456")]
    [InlineData("-3", "-3")]
    public void Read_NumberCell_ReturnsInvariantTextWithoutATrailingZero(string stored, string expected)
    {
        var content = Workbook([], Row(1, Inline("A1", "value")), Row(2, Number("A2", stored)));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { $"2:{expected}" }, Rows(result));
    }

    [Fact]
    public void Read_MissingCells_PlacesCellsByTheirReferenceColumn()
    {
        var content = Workbook([], Row(1, Inline("A1", "a"), Inline("C1", "c")), Row(2, Inline("B2", "b"), Inline("AA2", "aa")));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "a", "", "c" }, result.Header);
        var cells = Assert.Single(result.Rows).Cells;
        Assert.Equal(27, cells.Count);
        Assert.Equal("b", cells[1]);
        Assert.Equal("aa", cells[26]);
        Assert.All(cells.Where((_, index) => index is not (1 or 26)), cell => Assert.Equal("", cell));
    }

    [Fact]
    public void Read_BlankAndMissingRows_AreSkippedAndLaterRowsKeepTheirNumbers()
    {
        var content = Workbook(
            [],
            Row(1, Inline("A1", "name")),
            Row(2, Inline("A2", "a")),
            Row(3, Inline("A3", "  "), Number("B3", "")),
            Row(5, Inline("A5", "b")));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:a", "5:b" }, Rows(result));
    }

    [Fact]
    public void Read_FormulaAndBooleanCells_ReturnCachedValuesAsExcelShowsThem()
    {
        var content = Workbook(
            [],
            Row(1, Inline("A1", "sum"), Inline("B1", "label"), Inline("C1", "active")),
            Row(
                2,
                new Cell(new CellFormula("40*3"), new CellValue("120")) { CellReference = "A2" },
                new Cell(new CellFormula("\"幸福\"&\"里\""), new CellValue("幸福里")) { CellReference = "B2", DataType = CellValues.String },
                new Cell(new CellValue("1")) { CellReference = "C2", DataType = CellValues.Boolean }));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:120|幸福里|TRUE" }, Rows(result));
    }

    [Fact]
    public void Read_RichTextSharedString_JoinsRunsAndLeavesOutPhoneticText()
    {
        var rich = new SharedStringItem(
            new Run(new Text("幸福")),
            new Run(new Text("小区")),
            new PhoneticRun(new Text("xingfu")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 });
        var content = Workbook([rich], Row(1, Inline("A1", "name")), Row(2, Shared("A2", 0)));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:幸福小区" }, Rows(result));
    }

    [Fact]
    public void Read_FormattedEmptyCellsAfterTheData_DoNotLengthenTheRow()
    {
        var content = Workbook(
            [],
            Row(1, Inline("A1", "name"), Inline("B1", "households"), new Cell { CellReference = "C1", StyleIndex = 0 }),
            Row(2, Inline("A2", "a"), Number("B2", "1"), new Cell { CellReference = "C2" }, new Cell { CellReference = "D2" }));

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "name", "households" }, result.Header);
        Assert.Equal(new[] { "2:a|1" }, Rows(result));
    }

    [Fact]
    public void Read_SeveralSheets_ReadsTheFirstInWorkbookOrder()
    {
        var content = Workbook(
            [],
            [
                ("住户", new SheetData(Row(1, Inline("A1", "first")), Row(2, Inline("A2", "1")))),
                ("说明", new SheetData(Row(1, Inline("A1", "second")), Row(2, Inline("A2", "2")))),
            ],
            partOrder: [1, 0]);

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "first" }, result.Header);
    }

    [Fact]
    public void Read_EmptyWorksheet_ReportsAnEmptyFile()
    {
        var result = TabularFile.Read(Workbook([]));

        Assert.Equal(TabularFormat.Xlsx, result.Format);
        Assert.Equal(new TabularFileError(1, "The file is empty"), result.Error);
    }

    public static TheoryData<string, byte[]> UnreadableWorkbooks()
    {
        var workbook = Workbook(SharedStrings("name"), Row(1, Shared("A1", 0)), Row(2, Inline("A2", "a")));
        return new()
        {
            { "zip signature then garbage", [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 200).Select(i => (byte)(i * 37))] },
            { "truncated workbook", workbook[..(workbook.Length / 2)] },
            { "zip that is not a workbook", Zip("readme.txt", "not a spreadsheet") },
            { "shared string index out of range", Workbook(SharedStrings("name"), Row(1, Shared("A1", 5))) },
        };
    }

    private static byte[] Zip(string entryName, string text)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            writer.Write(text);
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(UnreadableWorkbooks))]
    public void Read_UnreadableWorkbook_ReportsAnErrorInsteadOfThrowing(string description, byte[] content)
    {
        var result = TabularFile.Read(content);

        Assert.True(result.Error is not null, description);
        Assert.Equal(TabularFormat.Xlsx, result.Format);
        Assert.Equal(new TabularFileError(1, "Not a readable .xlsx workbook"), result.Error);
        Assert.Empty(result.Rows);
    }
}
