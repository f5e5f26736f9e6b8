using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// The one subtree filter: records whose materialised path lies in a subtree, as the index-friendly key range of
/// <see cref="SubtreeRange"/> (never <c>StartsWith</c>, which PostgreSQL cannot always serve from the index).
/// </summary>
public static class SubtreeQueries
{
    /// <summary>The records placed in the subtree at <paramref name="path"/> (all of them for the whole district).</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> records, string path)
        where T : ITerritoryPlaced => records.InSubtree(r => r.NodePath, path);

    /// <summary>
    /// The records whose path (selected by <paramref name="pathOf"/>, a byte-ordered column) lies in the subtree
    /// at <paramref name="path"/>: the filter for tables whose path column has another name, such as the tree's own nodes.
    /// </summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> records, Expression<Func<T, string>> pathOf, string path)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path == TerritoryPath.Root)
        {
            return records;
        }

        var range = SubtreeRange.Of(path);
        Expression<Func<string, bool>> inRange = p => string.Compare(p, range.From) >= 0 && string.Compare(p, range.To) < 0;
        var body = new ParameterReplacer(inRange.Parameters[0], pathOf.Body).Visit(inRange.Body);
        return records.Where(Expression.Lambda<Func<T, bool>>(body, pathOf.Parameters));
    }

    /// <summary>
    /// Follows a subtree move in one statement: every record placed under <paramref name="oldPath"/> gets the path
    /// with that prefix replaced by <paramref name="newPath"/>. Runs in the context's current transaction, if any.
    /// </summary>
    /// <returns>How many records moved.</returns>
    public static Task<int> RebaseSubtreeAsync<T>(this IQueryable<T> records, string oldPath, string newPath, CancellationToken cancellationToken)
        where T : ITerritoryPlaced => records.RebaseSubtreeAsync(r => r.NodePath, oldPath, newPath, cancellationToken);

    /// <summary>
    /// <see cref="RebaseSubtreeAsync{T}(IQueryable{T}, string, string, CancellationToken)"/> for tables whose path
    /// column has another name, such as the replica's own nodes.
    /// </summary>
    /// <returns>How many records moved.</returns>
    public static Task<int> RebaseSubtreeAsync<T>(
        this IQueryable<T> records, Expression<Func<T, string>> pathOf, string oldPath, string newPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentException.ThrowIfNullOrEmpty(oldPath);
        ArgumentException.ThrowIfNullOrEmpty(newPath);
        Expression<Func<string, string>> rebased = path => newPath + path.Substring(oldPath.Length);
        var value = Expression.Lambda<Func<T, string>>(new ParameterReplacer(rebased.Parameters[0], pathOf.Body).Visit(rebased.Body), pathOf.Parameters);
        return records.InSubtree(pathOf, oldPath).ExecuteUpdateAsync(set => set.SetProperty(pathOf, value), cancellationToken);
    }

    /// <summary>Puts the record's path expression where the range test has its parameter.</summary>
    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
