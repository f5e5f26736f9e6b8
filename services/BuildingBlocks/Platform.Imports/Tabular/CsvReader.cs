using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Unicode;

namespace Platform.Imports.Tabular;

/// <summary>RFC 4180 CSV in UTF-8 or GBK, as saved by Excel and by government systems on Chinese Windows.</summary>
internal static class CsvReader
{
    private const string NeitherEncoding = "The file is neither UTF-8 nor GBK text";
    private const string BrokenUtf8 = "The file is marked as UTF-8 but is not valid UTF-8 text";
    private const string UnterminatedQuote = "A quoted field is not closed";

    // GB18030 decodes everything GBK (code page 936) does and more, and is the only one with a strict decoder.
    private static readonly Encoding Gb18030 = CreateGb18030();

    public static TabularReadResult Read(ReadOnlySpan<byte> content)
    {
        var hasBom = content.StartsWith("\uFEFF"u8);
        var bytes = hasBom ? content[3..] : content;

        // Neither encoding yields more UTF-16 chars than it consumes bytes, so one buffer fits either result.
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            if (Utf8.ToUtf16(bytes, buffer, out var utf8Consumed, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return Parse(buffer.AsSpan(0, written), TabularFormat.CsvUtf8);
            }

            if (hasBom)
            {
                return TabularReadResult.Failed(TabularFormat.CsvUtf8, LineAt(bytes, utf8Consumed), BrokenUtf8);
            }

            if (TryDecodeGb18030(bytes, buffer, out written, out var gbkFailure))
            {
                return Parse(buffer.AsSpan(0, written), TabularFormat.CsvGbk);
            }

            // The encoding that got further is the one the file was most likely written in, so its failure is
            // where the damage is.
            return TabularReadResult.Failed(TabularFormat.CsvGbk, LineAt(bytes, Math.Max(utf8Consumed, gbkFailure)), NeitherEncoding);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static bool TryDecodeGb18030(ReadOnlySpan<byte> bytes, char[] buffer, out int written, out int failedAt)
    {
        try
        {
            written = Gb18030.GetChars(bytes, buffer);
            failedAt = 0;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            written = 0;
            failedAt = e.Index;
            return false;
        }
    }

    // Line ends are plain ASCII bytes in both encodings (GBK trail bytes start at 0x40), so counting them in the
    // raw bytes gives the line the user's editor shows.
    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => 1 + CountLineBreaks(bytes[..Math.Clamp(offset, 0, bytes.Length)]);

    private static TabularReadResult Parse(ReadOnlySpan<char> text, TabularFormat format)
    {
        var table = new TableBuilder(format);
        var cells = new List<string>();
        StringBuilder? quoted = null;
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var recordLine = line;
            cells.Clear();
            while (true)
            {
                if (position < text.Length && text[position] == '"')
                {
                    var quoteLine = line;
                    quoted ??= new StringBuilder();
                    quoted.Clear();
                    position++;
                    while (true)
                    {
                        var closing = text[position..].IndexOf('"');
                        if (closing < 0)
                        {
                            return TabularReadResult.Failed(format, quoteLine, UnterminatedQuote);
                        }

                        var chunk = text.Slice(position, closing);
                        line += CountLineBreaks(chunk);
                        quoted.Append(chunk);
                        position += closing + 1;
                        if (position < text.Length && text[position] == '"')
                        {
                            quoted.Append('"');
                            position++;
                        }
                        else
                        {
                            break;
                        }
                    }

                    // Like Excel, keep text between the closing quote and the separator (`"a"b,`) rather than
                    // rejecting a file over it.
                    var end = FieldEnd(text, position);
                    quoted.Append(text[position..end]);
                    position = end;
                    cells.Add(quoted.ToString().Trim());
                }
                else
                {
                    var end = FieldEnd(text, position);
                    var cell = text[position..end].Trim();
                    cells.Add(cell.IsEmpty ? string.Empty : cell.ToString());
                    position = end;
                }

                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }

                break;
            }

            if (position < text.Length)
            {
                position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                line++;
            }

            table.Add(recordLine, cells);
        }

        return table.Build();
    }

    private static int FieldEnd(ReadOnlySpan<char> text, int position)
    {
        var length = text[position..].IndexOfAny(',', '\r', '\n');
        return length < 0 ? text.Length : position + length;
    }

    /// <summary>CRLF, LF and a lone CR each end one line.</summary>
    private static int CountLineBreaks<T>(ReadOnlySpan<T> span)
        where T : IBinaryInteger<T>
    {
        var cr = T.CreateTruncating('\r');
        var lf = T.CreateTruncating('\n');
        var first = span.IndexOfAny(cr, lf);
        if (first < 0)
        {
            return 0;
        }

        var breaks = 0;
        for (var i = first; i < span.Length; i++)
        {
            if (span[i] == lf || (span[i] == cr && (i + 1 == span.Length || span[i + 1] != lf)))
            {
                breaks++;
            }
        }

        return breaks;
    }
}
