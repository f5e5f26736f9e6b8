using System.Text;
using Platform.Imports.Tabular;

namespace Platform.Imports.Tests;

public sealed class TabularFileCsvTests
{
    private static readonly Encoding Gbk = CreateGbk();

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }

    private static TabularReadResult ReadUtf8(string text) => TabularFile.Read(Encoding.UTF8.GetBytes(text));

    // "line:cell|cell" keeps assertion failures readable.
    private static string[] Rows(TabularReadResult result) =>
        [.. result.Rows.Select(row => $"{row.Line}:{string.Join('|', row.Cells)}")];

    [Fact]
    public void Read_Utf8WithoutBom_ReturnsLowerCasedHeaderAndTrimmedCells()
    {
        var result = ReadUtf8("Name, Households ,AREA\n幸福小区, 120 ,85.5\n");

        Assert.Null(result.Error);
        Assert.Equal(TabularFormat.CsvUtf8, result.Format);
        Assert.Equal(new[] { "name", "households", "area" }, result.Header);
        Assert.Equal(new[] { "2:幸福小区|120|85.5" }, Rows(result));
    }

    [Fact]
    public void Read_Utf8WithBom_SkipsTheBom()
    {
        byte[] content = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("小区,户数\r\n幸福小区,120\r\n")];

        var result = TabularFile.Read(content);

        Assert.Null(result.Error);
        Assert.Equal(TabularFormat.CsvUtf8, result.Format);
        Assert.Equal(new[] { "小区", "户数" }, result.Header);
        Assert.Equal(new[] { "2:幸福小区|120" }, Rows(result));
    }

    [Fact]
    public void Read_GbkBytes_DecodesChineseAndReportsCsvGbk()
    {
        var result = TabularFile.Read(Gbk.GetBytes("小区名称,户数\r\n幸福里社区,120\r\n\"朝阳区,东城\",85\r\n"));

        Assert.Null(result.Error);
        Assert.Equal(TabularFormat.CsvGbk, result.Format);
        Assert.Equal(new[] { "小区名称", "户数" }, result.Header);
        Assert.Equal(new[] { "2:幸福里社区|120", "3:朝阳区,东城|85" }, Rows(result));
    }

    [Fact]
    public void Read_ByteInvalidInUtf8AndGbk_ReportsItsLine()
    {
        byte[] content = [.. "name,households\na,1\nb,"u8, 0xFF, .. "2\nc,3\n"u8];

        var result = TabularFile.Read(content);

        Assert.Equal(TabularFormat.CsvGbk, result.Format);
        Assert.Equal(new TabularFileError(3, "The file is neither UTF-8 nor GBK text"), result.Error);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Read_GbkFileDamagedLater_ReportsTheDamagedLineNotTheFirstChineseOne()
    {
        // UTF-8 decoding stops at the Chinese text on line 2; GBK gets as far as the damage on line 4.
        byte[] content = [.. Gbk.GetBytes("小区,户数\r\n幸福里,120\r\nb,2\r\nc,"), 0xFF, .. "3\r\n"u8];

        var result = TabularFile.Read(content);

        Assert.Equal(TabularFormat.CsvGbk, result.Format);
        Assert.Equal(new TabularFileError(4, "The file is neither UTF-8 nor GBK text"), result.Error);
    }

    [Fact]
    public void Read_Utf8FileDamagedLater_ReportsTheDamagedLineNotWhereGbkGaveUp()
    {
        // GBK decoding stops at "中," on line 2 (0xAD 0x2C is no GBK character); UTF-8 gets as far as line 4.
        byte[] content = [.. "name,households\n中,1\nb,2\nc,"u8, 0xFF, .. "3\n"u8];

        var result = TabularFile.Read(content);

        Assert.Equal(new TabularFileError(4, "The file is neither UTF-8 nor GBK text"), result.Error);
    }

    [Fact]
    public void Read_Utf8BomFollowedByInvalidBytes_ReportsTheLineAsBrokenUtf8()
    {
        byte[] content = [.. Encoding.UTF8.GetPreamble(), .. "name\r\n"u8, 0xC3, 0x28, .. "\r\n"u8];

        var result = TabularFile.Read(content);

        Assert.Equal(TabularFormat.CsvUtf8, result.Format);
        Assert.Equal(new TabularFileError(2, "The file is marked as UTF-8 but is not valid UTF-8 text"), result.Error);
    }

    [Fact]
    public void Read_QuotedFields_UnquotesCommasQuotesAndNewlinesAndKeepsLaterLineNumbers()
    {
        var result = ReadUtf8(
            "name,address,note\n" +
            "\"王, 伟\",\"幸福路 1 号\n2 单元\r\n301\",\"他说\"\"你好\"\"\"\n" +
            "李娜,\"\",\"\"\"\"\n");

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:王, 伟|幸福路 1 号\n2 单元\r\n301|他说\"你好\"", "5:李娜||\"" }, Rows(result));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_AnyLineEnding_SplitsRecordsOnIt(string newline)
    {
        var result = ReadUtf8(string.Join(newline, "name,households", "a,1", "\"b", "c\",2", "d,3"));

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:a|1", $"3:b{newline}c|2", "5:d|3" }, Rows(result));
    }

    [Fact]
    public void Read_BlankLines_AreSkippedWithoutShiftingLineNumbers()
    {
        var result = ReadUtf8("\n  \nname,households\n\na,1\n , ,\t\nb,2\n");

        Assert.Null(result.Error);
        Assert.Equal(new[] { "name", "households" }, result.Header);
        Assert.Equal(new[] { "5:a|1", "7:b|2" }, Rows(result));
    }

    [Theory]
    [InlineData("name\na\nb\n")]
    [InlineData("name\na\nb")]
    [InlineData("name\r\na\r\nb\r\n")]
    public void Read_WithOrWithoutTrailingNewline_ReturnsTheSameRows(string text)
    {
        var result = ReadUtf8(text);

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:a", "3:b" }, Rows(result));
    }

    [Fact]
    public void Read_RowsShorterOrLongerThanTheHeader_ReturnsThemAsTheyAre()
    {
        var result = ReadUtf8("a,b,c\n1\n1,2,3,4\n1,2,\n");

        Assert.Null(result.Error);
        Assert.Equal(new[] { "2:1", "3:1|2|3|4", "4:1|2|" }, Rows(result));
    }

    [Fact]
    public void Read_UnterminatedQuote_ReportsTheLineWhereTheQuoteOpened()
    {
        var result = ReadUtf8("name,note\na,ok\nb,\"never closed\nc,3\nd,4\n");

        Assert.Equal(new TabularFileError(3, "A quoted field is not closed"), result.Error);
        Assert.Empty(result.Header);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { (byte)'\r', (byte)'\n', (byte)' ', (byte)',', (byte)'\n' })]
    public void Read_NoContent_ReportsAnEmptyFile(byte[] content)
    {
        var result = TabularFile.Read(content);

        Assert.Equal(new TabularFileError(1, "The file is empty"), result.Error);
    }

    [Fact]
    public void Read_HeaderOnly_ReturnsNoRowsAndNoError()
    {
        var result = ReadUtf8("name,households\n");

        Assert.Null(result.Error);
        Assert.Equal(new[] { "name", "households" }, result.Header);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Read_LargeGbkExport_ReadsEveryRowWithItsLine()
    {
        const int rowCount = 95_000;
        var text = new StringBuilder("编号,姓名,身份证号,地址,户数\r\n");
        for (var i = 1; i <= rowCount; i++)
        {
            text.Append(i).Append(",张三").Append(i).Append(",11010119900101").Append(i % 10_000)
                .Append(",\"北京市朝阳区幸福路, ").Append(i).Append(" 号\",").Append(i % 7).Append("\r\n");
        }

        var result = TabularFile.Read(Gbk.GetBytes(text.ToString()));

        Assert.Null(result.Error);
        Assert.Equal(rowCount, result.Rows.Count);
        Assert.Equal(rowCount + 1, result.Rows[^1].Line);
        Assert.Equal(new[] { "95000", "张三95000", "110101199001015000", "北京市朝阳区幸福路, 95000 号", "3" }, result.Rows[^1].Cells);
    }
}
