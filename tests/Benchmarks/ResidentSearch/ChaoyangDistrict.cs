extern alias residents;

using System.Globalization;
using Platform.Districts.Contracts;
using Platform.PersonalData;
using Platform.TerritoryReplica;
using residents::Platform.Residents.Domain;

namespace Platform.Benchmarks.ResidentSearch;

/// <summary>
/// A generated Chaoyang-scale district: 43 streets, 446 communities, 5,000 grids, 10,000 compounds, 80,000
/// buildings of three units each, and 3.93 million residents spread over the units. Names follow the real
/// skew of Chinese surnames (王, 李, 张, 刘 and 陈 alone are a third of the population; compound surnames such as
/// 欧阳 are rare) with one or two given characters drawn from a Zipf-like pool, so a surname prefix matches tens
/// of thousands of residents in a street and a rare one a handful. Everything is deterministic (fixed seeds).
/// </summary>
internal sealed class ChaoyangDistrict
{
    public const int Streets = 43;
    public const int Communities = 446;
    public const int Grids = 5_000;
    public const int CompoundsPerGrid = 2;
    public const int BuildingsPerCompound = 8;
    public const int UnitsPerBuilding = 3;
    public const int Residents = 3_930_000;

    /// <summary>Surnames with their approximate share of the population in per cent (2020 census order).</summary>
    public static readonly (string Surname, double Percent)[] CommonSurnames =
    [
        ("王", 7.12), ("李", 7.00), ("张", 6.74), ("刘", 5.10), ("陈", 4.61), ("杨", 3.22), ("黄", 2.45), ("赵", 2.29),
        ("吴", 2.05), ("周", 1.99), ("徐", 1.45), ("孙", 1.38), ("马", 1.29), ("朱", 1.26), ("胡", 1.16), ("郭", 1.15),
        ("何", 1.07), ("林", 1.06), ("高", 1.00), ("罗", 0.96), ("郑", 0.90), ("梁", 0.88), ("谢", 0.80), ("宋", 0.73),
        ("唐", 0.72), ("许", 0.64), ("韩", 0.62), ("冯", 0.62), ("邓", 0.61), ("曹", 0.58), ("彭", 0.55), ("曾", 0.53),
        ("肖", 0.52), ("田", 0.51), ("董", 0.50), ("袁", 0.49), ("潘", 0.47), ("于", 0.46), ("蒋", 0.46), ("蔡", 0.45),
        ("余", 0.44), ("杜", 0.42), ("叶", 0.41), ("程", 0.40), ("苏", 0.39), ("魏", 0.38), ("吕", 0.37), ("丁", 0.36),
        ("任", 0.35), ("沈", 0.34),
    ];

    /// <summary>Compound surnames, each borne by about one resident in 50,000.</summary>
    public static readonly string[] RareSurnames = ["欧阳", "司马", "诸葛", "上官", "慕容", "皇甫", "令狐", "东方", "宇文", "长孙"];

    // The long tail: the remaining ~30 % of the population shared by less common single-character surnames.
    private const string TailSurnames =
        "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private const string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯健俊帆帅旭宁龙林欣佳雪梅琳晨阳婷倩颖亮斌波飞鑫博轩子涵睿一诺梓思雨嘉怡晓东国志海金春云峰成新立永庆德丹琴蕾莉燕慧凤小家晶荣彬楠瑞泽昊宏振松淑珍芝";

    private const string PhonePrefixes = "130131132133135136137138139150151152153155156158159177180181182183185186187188189199";
    private const string IdRegions = "110105110101110102110106110108130102370102410105320106510107";
    private static readonly DateOnly FirstBirthDate = new(1935, 1, 1);
    private const int BirthDays = 32_000;

    private readonly string[] _surnames;
    private readonly double[] _surnameCumulative;
    private readonly double[] _givenCumulative;

    private ChaoyangDistrict(List<TerritoryReplicaNode> nodes, List<TerritoryReplicaNode> units)
    {
        Nodes = nodes;
        UnitNodes = units;
        StreetNodes = [.. nodes.Where(n => n.Kind == TerritoryNodeKind.Street)];
        var tailPercent = (100 - CommonSurnames.Sum(s => s.Percent)) / TailSurnames.Length;
        var surnames = CommonSurnames
            .Concat(TailSurnames.Select(c => (c.ToString(), tailPercent)))
            .Concat(RareSurnames.Select(s => (s, 0.002)))
            .ToList();
        _surnames = [.. surnames.Select(s => s.Item1)];
        _surnameCumulative = Cumulative(surnames.Select(s => s.Item2));
        _givenCumulative = Cumulative(GivenCharacters.Select((_, rank) => 1.0 / (rank + 8)));
    }

    /// <summary>Every node of the tree, parents before children.</summary>
    public IReadOnlyList<TerritoryReplicaNode> Nodes { get; }

    /// <summary>The streets, in code order.</summary>
    public IReadOnlyList<TerritoryReplicaNode> StreetNodes { get; }

    /// <summary>The units, where the residents live.</summary>
    public IReadOnlyList<TerritoryReplicaNode> UnitNodes { get; }

    /// <summary>Builds the tree of <paramref name="tenantId"/>.</summary>
    public static ChaoyangDistrict Create(Guid tenantId)
    {
        var nodes = new List<TerritoryReplicaNode>();
        var units = new List<TerritoryReplicaNode>();
        TerritoryReplicaNode Add(TerritoryReplicaNode? parent, TerritoryNodeKind kind, string code, string name)
        {
            var id = Guid.CreateVersion7();
            var node = new TerritoryReplicaNode
            {
                Id = id, TenantId = tenantId, ParentId = parent?.Id, Kind = kind, Code = code, Name = name, Path = TerritoryPath.Of(parent?.Path, id),
            };
            nodes.Add(node);
            return node;
        }

        var streets = Enumerable.Range(0, Streets).Select(s => Add(null, TerritoryNodeKind.Street, $"S{s:D3}", $"第{s + 1}街道")).ToList();
        // Spread evenly: each level's count divided over the level above, the remainder to the first ones.
        var communities = Spread(streets, Communities, (street, c) => Add(street, TerritoryNodeKind.Community, $"C{c:D4}", $"第{c + 1}社区"));
        var grids = Spread(communities, Grids, (community, g) => Add(community, TerritoryNodeKind.Grid, $"G{g:D5}", $"第{g + 1}网格"));
        var compounds = Spread(grids, Grids * CompoundsPerGrid, (grid, c) => Add(grid, TerritoryNodeKind.Compound, $"P{c:D5}", $"第{c + 1}小区"));
        var buildings = Spread(compounds, compounds.Count * BuildingsPerCompound, (compound, b) => Add(compound, TerritoryNodeKind.Building, $"B{b:D6}", $"{b % BuildingsPerCompound + 1}号楼"));
        units.AddRange(Spread(buildings, buildings.Count * UnitsPerBuilding, (building, u) => Add(building, TerritoryNodeKind.Unit, $"U{u:D6}", $"{u % UnitsPerBuilding + 1}单元")));
        return new ChaoyangDistrict(nodes, units);
    }

    /// <summary>
    /// Residents <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> (exclusive), registered
    /// as the service registers them; the same index always gives the same person and place.
    /// </summary>
    public IEnumerable<Resident> ResidentsBetween(int from, int count, Guid tenantId, PersonalDataProtector protector, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(from);
        for (var index = from; index < from + count; index++)
        {
            var unit = UnitNodes[random.Next(UnitNodes.Count)];
            var phone = random.NextDouble() < 0.85 ? Phone(random) : null;
            var residence = random.NextDouble() < 0.75 ? Residence.Hukou : Residence.ResidentOnly;
            yield return Resident.Register(
                tenantId, Name(random), IdNumber(index, random, today), phone, new ResidentPlace(unit.Id, unit.Path, null), residence, [], protector, now);
        }
    }

    /// <summary>A name drawn like the residents' names.</summary>
    public string Name(Random random)
    {
        var surname = _surnames[Draw(_surnameCumulative, random)];
        var first = GivenCharacters[Draw(_givenCumulative, random)];
        return random.NextDouble() < 0.3 ? $"{surname}{first}" : $"{surname}{first}{GivenCharacters[Draw(_givenCumulative, random)]}";
    }

    // Birth date and sequence number both follow from the index, so every resident's number is distinct.
    private static ChineseIdNumber IdNumber(int index, Random random, DateOnly today)
    {
        var region = IdRegions.Substring(6 * random.Next(IdRegions.Length / 6), 6);
        var birth = FirstBirthDate.AddDays(index % BirthDays);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{index / BirthDays:D3}");
        var text = first17 + ChineseIdNumber.CheckCharacter(first17);
        return ChineseIdNumber.TryParse(text, today, out var number, out var problem)
            ? number
            : throw new InvalidOperationException($"Generated ID number {text} is invalid: {problem}");
    }

    private static MobilePhone Phone(Random random)
    {
        var prefix = PhonePrefixes.Substring(3 * random.Next(PhonePrefixes.Length / 3), 3);
        var text = string.Create(CultureInfo.InvariantCulture, $"{prefix}{random.Next(100_000_000):D8}");
        return MobilePhone.TryParse(text, out var phone, out var problem) ? phone : throw new InvalidOperationException(problem);
    }

    private static List<TerritoryReplicaNode> Spread(
        IReadOnlyList<TerritoryReplicaNode> parents, int total, Func<TerritoryReplicaNode, int, TerritoryReplicaNode> add)
    {
        var children = new List<TerritoryReplicaNode>(total);
        for (var p = 0; p < parents.Count; p++)
        {
            var share = total / parents.Count + (p < total % parents.Count ? 1 : 0);
            for (var i = 0; i < share; i++)
            {
                children.Add(add(parents[p], children.Count));
            }
        }

        return children;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var cumulative = new List<double>();
        var sum = 0.0;
        foreach (var weight in weights)
        {
            sum += weight;
            cumulative.Add(sum);
        }

        return [.. cumulative.Select(c => c / sum)];
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
