using Platform.Districts.Contracts;

namespace Platform.TerritoryReplica;

/// <summary>
/// The paths of a subtree as one key range, so "every record under this node" is a range scan of a B-tree index
/// on a byte-ordered (collation C) path column: every path below <c>/a/b/</c> sorts in <c>[/a/b/, /a/b0)</c>,
/// because <c>0</c> follows <c>/</c>.
/// </summary>
/// <param name="From">The subtree root's path (inclusive).</param>
/// <param name="To">The first path after the subtree (exclusive).</param>
public readonly record struct SubtreeRange(string From, string To)
{
    /// <summary>The range of the subtree rooted at <paramref name="path"/>.</summary>
    public static SubtreeRange Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new SubtreeRange(path, path[..^1] + "0");
    }
}

/// <summary>Subtree filters over records that carry their node's path.</summary>
public static class SubtreeQueries
{
    /// <summary>The records placed in the subtree at <paramref name="path"/> (all of them for the whole district).</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> records, string path)
        where T : ITerritoryPlaced
    {
        ArgumentNullException.ThrowIfNull(records);
        if (path == TerritoryPath.Root)
        {
            return records;
        }

        var range = SubtreeRange.Of(path);
        return records.Where(r => string.Compare(r.NodePath, range.From) >= 0 && string.Compare(r.NodePath, range.To) < 0);
    }
}
