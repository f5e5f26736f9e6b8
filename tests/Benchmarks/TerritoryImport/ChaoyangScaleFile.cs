using System.Text;

namespace Platform.Benchmarks.TerritoryImport;

/// <summary>
/// A territory file at Chaoyang scale: 43 streets, 446 communities, 5,000 grids, 10,000 compounds and
/// 80,000 buildings (95,489 rows), spread as evenly as whole numbers allow, with attributes on the
/// communities, compounds and buildings as a real export has them.
/// </summary>
internal static class ChaoyangScaleFile
{
    public const int Streets = 43;
    public const int Communities = 446;
    public const int Grids = 5_000;
    public const int Compounds = 10_000;
    public const int Buildings = 80_000;

    public static int Rows => Streets + Communities + Grids + Compounds + Buildings;

    public static byte[] Create()
    {
        var csv = new StringBuilder(8 * 1024 * 1024);
        csv.Append("kind,code,name,parent_code,community_kind,governance_mode,households,floor_area\r\n");
        string[] communityKinds = ["old_estate", "commercial", "affordable", "relocation", "mixed"];
        string[] modes = ["quasi_property", "five_party", "three_social", "three_social", "five_party"];
        for (var s = 0; s < Streets; s++)
        {
            csv.Append($"street,S{s:D3},第{s + 1}街道,,,,,\r\n");
        }

        for (var c = 0; c < Communities; c++)
        {
            csv.Append($"community,C{c:D4},第{c + 1}社区,S{c * Streets / Communities:D3},{communityKinds[c % 5]},,{1_500 + (c % 700)},\r\n");
        }

        for (var g = 0; g < Grids; g++)
        {
            csv.Append($"grid,G{g:D5},第{g + 1}网格,C{g * Communities / Grids:D4},,,,\r\n");
        }

        for (var k = 0; k < Compounds; k++)
        {
            var community = k * Grids / Compounds * Communities / Grids;
            csv.Append($"compound,K{k:D5},第{k + 1}小区,G{k * Grids / Compounds:D5},,{modes[community % 5]},{300 + (k % 400)},{25_000 + (k % 9_000)}.5\r\n");
        }

        for (var b = 0; b < Buildings; b++)
        {
            csv.Append($"building,B{b:D6},{(b % 8) + 1}号楼,K{b * Compounds / Buildings:D5},,,{36 + (b % 60)},{3_000 + (b % 4_000)}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
