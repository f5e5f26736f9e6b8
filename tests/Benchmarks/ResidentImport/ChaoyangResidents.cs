using System.Globalization;
using System.Text;
using Platform.PersonalData;

namespace Platform.Benchmarks.ResidentImport;

/// <summary>
/// A resident file for a district the size of Chaoyang (3.93 million residents), the same on every run: names,
/// valid and distinct ID numbers (births 1930–2023, several regions, correct check characters), mobile phones for
/// most, the building or unit each lives in, door numbers for most, the residence for some and tags for a few.
/// The columns are kept apart as well, so that the baseline copies exactly these values.
/// </summary>
internal sealed class ChaoyangResidents
{
    public const string Header = "name,id_number,node_code,phone,household,residence,tags";

    private const int Seed = 20_261_124;

    // Beijing district codes first (the people registered here), then a few provinces people move from.
    private static readonly string[] Regions = ["110105", "110101", "110102", "110106", "110108", "130102", "370102", "510104"];
    private static readonly DateOnly FirstBirth = new(1930, 1, 1);
    private static readonly int BirthDays = new DateOnly(2023, 12, 31).DayNumber - FirstBirth.DayNumber + 1;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "欧阳"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华"];
    private static readonly string?[] Residences = ["户籍", "户籍", "流动人口", null, null, null, null, null, null, null];
    private static readonly string?[] TagChoices = ["低保", "残疾、独居", "优抚", "独居", "低保 残疾"];

    private ChaoyangResidents(int count)
    {
        Names = new string[count];
        IdNumbers = new string[count];
        NodeCodes = new string[count];
        Phones = new string?[count];
        Households = new string?[count];
        ResidenceCells = new string?[count];
        Tags = new string?[count];
    }

    public string[] Names { get; }

    public string[] IdNumbers { get; }

    public string[] NodeCodes { get; }

    public string?[] Phones { get; }

    public string?[] Households { get; }

    public string?[] ResidenceCells { get; }

    public string?[] Tags { get; }

    public int Count => Names.Length;

    /// <summary><paramref name="count"/> residents living at the nodes coded <paramref name="homes"/>.</summary>
    public static ChaoyangResidents Create(int count, IReadOnlyList<string> homes)
    {
        ArgumentNullException.ThrowIfNull(homes);
        // Every (region, birth date, sequence) triple is one number; multiplying by a factor prime to their count
        // visits distinct triples in an order that mixes regions and ages.
        var numbers = (long)Regions.Length * BirthDays * 1_000;
        if (count > numbers)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"At most {numbers:N0} distinct ID numbers.");
        }

        const long factor = 1_000_003;
        var residents = new ChaoyangResidents(count);
        var random = new Random(Seed);
        Span<char> id = stackalloc char[18];
        for (var i = 0; i < count; i++)
        {
            var key = i * factor % numbers;
            var birth = FirstBirth.AddDays((int)(key / Regions.Length % BirthDays));
            Regions[key % Regions.Length].CopyTo(id);
            birth.TryFormat(id[6..], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
            (key / Regions.Length / BirthDays).TryFormat(id[14..], out _, "D3", CultureInfo.InvariantCulture);
            id[17] = ChineseIdNumber.CheckCharacter(id);
            residents.IdNumbers[i] = new string(id);

            residents.Names[i] = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(2) == 0 ? "" : Given[random.Next(Given.Length)]);
            residents.NodeCodes[i] = homes[random.Next(homes.Count)];
            residents.Phones[i] = random.Next(100) < 85 ? $"1{random.Next(3, 10)}{random.NextInt64(1_000_000_000):D9}" : null;
            residents.Households[i] = random.Next(100) < 60 ? $"{random.Next(1, 31)}{random.Next(1, 5):D2}" : null;
            residents.ResidenceCells[i] = Residences[random.Next(Residences.Length)];
            residents.Tags[i] = random.Next(100) < 12 ? TagChoices[random.Next(TagChoices.Length)] : null;
        }

        return residents;
    }

    /// <summary>The residents as a UTF-8 CSV file, as a spreadsheet exports it.</summary>
    public byte[] ToCsv()
    {
        using var file = new MemoryStream(Count * 70);
        using (var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20, leaveOpen: true))
        {
            writer.Write(Header);
            writer.Write("\r\n");
            for (var i = 0; i < Count; i++)
            {
                writer.Write(Names[i]);
                writer.Write(',');
                writer.Write(IdNumbers[i]);
                writer.Write(',');
                writer.Write(NodeCodes[i]);
                writer.Write(',');
                writer.Write(Phones[i]);
                writer.Write(',');
                writer.Write(Households[i]);
                writer.Write(',');
                writer.Write(ResidenceCells[i]);
                writer.Write(',');
                writer.Write(Tags[i]);
                writer.Write("\r\n");
            }
        }

        return file.ToArray();
    }
}
