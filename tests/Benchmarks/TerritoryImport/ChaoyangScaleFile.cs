using System.Text;
using static Platform.Benchmarks.ChaoyangScale;

namespace Platform.Benchmarks.TerritoryImport;

/// <summary>
/// The <see cref="ChaoyangScale"/> tree as a territory file (95,489 rows), with attributes on the communities,
/// compounds and buildings as a real export has them.
/// </summary>
internal static class ChaoyangScaleFile
{
    public static byte[] Create()
    {
        var csv = new StringBuilder(8 * 1024 * 1024);
        csv.Append("kind,code,name,parent_code,community_kind,governance_mode,households,floor_area\r\n");
        string[] communityKinds = ["old_estate", "commercial", "affordable", "relocation", "mixed"];
        string[] modes = ["quasi_property", "five_party", "three_social", "three_social", "five_party"];
        for (var s = 0; s < Streets.Count; s++)
        {
            csv.Append($"street,{Streets.Code(s)},第{s + 1}街道,,,,,\r\n");
        }

        for (var c = 0; c < Communities.Count; c++)
        {
            csv.Append($"community,{Communities.Code(c)},第{c + 1}社区,{Streets.Code(Communities.ParentOf(c))},{communityKinds[c % 5]},,{1_500 + (c % 700)},\r\n");
        }

        for (var g = 0; g < Grids.Count; g++)
        {
            csv.Append($"grid,{Grids.Code(g)},第{g + 1}网格,{Communities.Code(Grids.ParentOf(g))},,,,\r\n");
        }

        for (var k = 0; k < Compounds.Count; k++)
        {
            var grid = Compounds.ParentOf(k);
            var community = Grids.ParentOf(grid);
            csv.Append($"compound,{Compounds.Code(k)},第{k + 1}小区,{Grids.Code(grid)},,{modes[community % 5]},{300 + (k % 400)},{25_000 + (k % 9_000)}.5\r\n");
        }

        for (var b = 0; b < Buildings.Count; b++)
        {
            csv.Append($"building,{Buildings.Code(b)},{(b % 8) + 1}号楼,{Compounds.Code(Buildings.ParentOf(b))},,,{36 + (b % 60)},{3_000 + (b % 4_000)}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
