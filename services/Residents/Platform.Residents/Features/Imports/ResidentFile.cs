using Platform.Imports.Jobs;

namespace Platform.Residents.Features.Imports;

/// <summary>
/// The columns of a resident file (<c>name</c>/姓名, <c>id_number</c>/身份证号, <c>node_code</c>/楼栋单元编码 required;
/// <c>phone</c>/手机号, <c>household</c>/门牌号, <c>residence</c>/户籍类型, <c>tags</c>/标签 optional), in any order.
/// </summary>
internal static class ResidentFile
{
    public static readonly ImportColumn Name = new("name", "姓名", Required: true);
    public static readonly ImportColumn IdNumber = new("id_number", "身份证号", Required: true);
    public static readonly ImportColumn NodeCode = new("node_code", "楼栋单元编码", Required: true);
    public static readonly ImportColumn Phone = new("phone", "手机号", Required: false);
    public static readonly ImportColumn Household = new("household", "门牌号", Required: false);
    public static readonly ImportColumn Residence = new("residence", "户籍类型", Required: false);
    public static readonly ImportColumn Tags = new("tags", "标签", Required: false);

    private static readonly ImportColumn[] Columns = [Name, IdNumber, NodeCode, Phone, Household, Residence, Tags];

    /// <summary>The layout of <paramref name="header"/>, or null with every problem of the header in <paramref name="errors"/>.</summary>
    public static ImportLayout? Of(IReadOnlyList<string> header, List<ImportRowError> errors) => ImportLayout.Of(header, Columns, errors);
}
