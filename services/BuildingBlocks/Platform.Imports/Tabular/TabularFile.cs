namespace Platform.Imports.Tabular;

/// <summary>
/// Turns an uploaded spreadsheet (CSV in UTF-8 or GBK, or .xlsx) into rows for onboarding imports. Files exported
/// by Chinese government systems arrive in either encoding without saying which, so the content decides, never
/// the file name.
/// </summary>
public static class TabularFile
{
    /// <summary>
    /// Detects the format from the content (a zip signature means .xlsx, anything else is CSV) and reads it.
    /// Never throws for what a user can upload: unreadable content comes back as <see cref="TabularReadResult.Error"/>.
    /// </summary>
    /// <param name="content">
    /// The whole upload. Memory rather than a span because a workbook has to be handed to the Open XML SDK as a
    /// stream; a <c>byte[]</c> converts implicitly and is not copied. Limiting the size is the caller's job: an
    /// .xlsx grows when unzipped.
    /// </param>
    public static TabularReadResult Read(ReadOnlyMemory<byte> content)
    {
        if (content.IsEmpty)
        {
            return TableBuilder.Empty(TabularFormat.CsvUtf8);
        }

        return XlsxReader.IsZip(content.Span) ? XlsxReader.Read(content) : CsvReader.Read(content.Span);
    }
}
