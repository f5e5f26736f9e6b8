using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// The shape of a territory tree at Chaoyang scale: 43 streets, 446 communities, 5,000 grids, 10,000 compounds and
/// 80,000 buildings, each level spread over the one above as evenly as whole numbers allow. The territory
/// benchmark imports it as a file, the resident benchmark places residents in it.
/// </summary>
public static class ChaoyangScale
{
    /// <summary>街道.</summary>
    public static readonly TreeLevel Streets = new("street", "S", 43, 3, null);

    /// <summary>社区.</summary>
    public static readonly TreeLevel Communities = new("community", "C", 446, 4, Streets);

    /// <summary>网格.</summary>
    public static readonly TreeLevel Grids = new("grid", "G", 5_000, 5, Communities);

    /// <summary>小区.</summary>
    public static readonly TreeLevel Compounds = new("compound", "K", 10_000, 5, Grids);

    /// <summary>楼栋.</summary>
    public static readonly TreeLevel Buildings = new("building", "B", 80_000, 6, Compounds);

    /// <summary>The levels from the top down.</summary>
    public static IReadOnlyList<TreeLevel> Levels { get; } = [Streets, Communities, Grids, Compounds, Buildings];

    /// <summary>Every node of the tree.</summary>
    public static int Nodes => Levels.Sum(level => level.Count);
}

/// <summary>One level of a generated tree: its nodes are numbered from 0 and coded <c>{Prefix}{number}</c>.</summary>
/// <param name="Kind">The node kind as territory files name it.</param>
/// <param name="Prefix">The first letter of the level's codes.</param>
/// <param name="Count">How many nodes the level has.</param>
/// <param name="Digits">How many digits the codes have.</param>
/// <param name="Parent">The level above; null for the top level.</param>
public sealed record TreeLevel(string Kind, string Prefix, int Count, int Digits, TreeLevel? Parent)
{
    /// <summary>The code of node <paramref name="index"/>.</summary>
    public string Code(int index) => Prefix + index.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The index of node <paramref name="index"/>'s parent in <see cref="Parent"/>: consecutive nodes share a parent.</summary>
    public int ParentOf(int index) =>
        Parent is null ? throw new InvalidOperationException($"The {Kind} level is the top of the tree.") : (int)((long)index * Parent.Count / Count);
}
