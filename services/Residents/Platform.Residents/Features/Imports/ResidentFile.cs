using Platform.Imports.Jobs;
using Platform.Imports.Tabular;

namespace Platform.Residents.Features.Imports;

/// <summary>A column of a resident file, known by an English and a Chinese header.</summary>
internal sealed record ResidentColumn(string English, string Chinese, bool Required)
{
    public override string ToString() => $"{English}/{Chinese}";
}

/// <summary>
/// The layout of a resident file: a header row naming the columns in any order, in English or Chinese
/// (<c>name</c>/姓名, <c>id_number</c>/身份证号, <c>node_code</c>/楼栋单元编码 required; <c>phone</c>/手机号,
/// <c>household</c>/门牌号, <c>residence</c>/户籍类型, <c>tags</c>/标签 optional). A column the import does not
/// know is an error rather than ignored: it is usually a misspelt optional column, whose data would otherwise be
/// dropped without a word.
/// </summary>
internal sealed class ResidentFile
{
    public static readonly ResidentColumn Name = new("name", "姓名", Required: true);
    public static readonly ResidentColumn IdNumber = new("id_number", "身份证号", Required: true);
    public static readonly ResidentColumn NodeCode = new("node_code", "楼栋单元编码", Required: true);
    public static readonly ResidentColumn Phone = new("phone", "手机号", Required: false);
    public static readonly ResidentColumn Household = new("household", "门牌号", Required: false);
    public static readonly ResidentColumn Residence = new("residence", "户籍类型", Required: false);
    public static readonly ResidentColumn Tags = new("tags", "标签", Required: false);

    private const int HeaderLine = 1;
    private static readonly ResidentColumn[] Columns = [Name, IdNumber, NodeCode, Phone, Household, Residence, Tags];

    private readonly Dictionary<ResidentColumn, (int Index, string Header)> _columns;

    private ResidentFile(Dictionary<ResidentColumn, (int Index, string Header)> columns, int width)
    {
        _columns = columns;
        Width = width;
    }

    /// <summary>How many cells the header has; a row with more non-empty cells has lost its alignment.</summary>
    public int Width { get; }

    /// <summary>The layout of <paramref name="header"/>, or null with every problem of the header in <paramref name="errors"/>.</summary>
    public static ResidentFile? Of(IReadOnlyList<string> header, List<ImportRowError> errors)
    {
        var columns = new Dictionary<ResidentColumn, (int Index, string Header)>();
        var before = errors.Count;
        for (var index = 0; index < header.Count; index++)
        {
            var name = header[index];
            if (name.Length == 0)
            {
                continue;
            }

            if (Array.Find(Columns, c => c.English == name || c.Chinese == name) is not { } column)
            {
                errors.Add(new ImportRowError(HeaderLine, $"Unknown column '{name}'; the columns are {string.Join(", ", Columns.Select(c => c.ToString()))}."));
            }
            else if (!columns.TryAdd(column, (index, name)))
            {
                errors.Add(new ImportRowError(HeaderLine, $"Column '{name}' repeats column '{columns[column].Header}'."));
            }
        }

        var missing = Columns.Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportRowError(HeaderLine, $"Required column{(missing.Count > 1 ? "s" : "")} missing: {string.Join(", ", missing)}."));
        }

        return errors.Count > before ? null : new ResidentFile(columns, header.Count);
    }

    /// <summary>Whether the file has <paramref name="column"/>.</summary>
    public bool Has(ResidentColumn column) => _columns.ContainsKey(column);

    /// <summary>The column's header as the file spells it, so that errors use the user's words.</summary>
    public string HeaderOf(ResidentColumn column) => _columns.TryGetValue(column, out var found) ? found.Header : column.English;

    /// <summary>The row's cell in <paramref name="column"/>; empty when the column or the cell is missing.</summary>
    public string Cell(TabularRow row, ResidentColumn column) =>
        _columns.TryGetValue(column, out var found) && found.Index < row.Cells.Count ? row.Cells[found.Index] : "";
}
