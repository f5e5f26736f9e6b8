using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;

namespace Platform.ServiceHost.Data;

/// <summary>Reads one page of a list and its total in the two queries every paged list of the platform makes.</summary>
public static class PagingQueryExtensions
{
    /// <summary>Counts the list, then reads the requested page of it.</summary>
    /// <remarks>
    /// The list must be ordered (to a unique key last) so that pages neither repeat nor skip rows; the type asks for
    /// that. A page past the end is answered from the count alone, without reading rows.
    /// </remarks>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="ordered">The filtered, ordered list.</param>
    /// <param name="paging">The page wanted.</param>
    /// <param name="cancellationToken">Cancels both queries.</param>
    /// <returns>The page's rows with the list's total.</returns>
    public static Task<PagedResult<T>> ToPageAsync<T>(this IOrderedQueryable<T> ordered, PageRequest paging, CancellationToken cancellationToken) =>
        PageAsync(ordered, paging, rows => rows, cancellationToken);

    /// <summary>Counts the list, then reads the requested page of it projected in the database.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TResult">The projected item type.</typeparam>
    /// <param name="ordered">The filtered, ordered list.</param>
    /// <param name="paging">The page wanted.</param>
    /// <param name="projection">What to read of each row, translated to SQL.</param>
    /// <param name="cancellationToken">Cancels both queries.</param>
    /// <returns>The page's items with the list's total.</returns>
    public static Task<PagedResult<TResult>> ToPageAsync<T, TResult>(
        this IOrderedQueryable<T> ordered, PageRequest paging, Expression<Func<T, TResult>> projection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return PageAsync(ordered, paging, rows => rows.Select(projection), cancellationToken);
    }

    // The entity overload hands its rows through untouched, so the query runs exactly as the caller wrote it.
    private static async Task<PagedResult<TResult>> PageAsync<T, TResult>(
        IOrderedQueryable<T> ordered, PageRequest paging, Func<IQueryable<T>, IQueryable<TResult>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var total = await ordered.CountAsync(cancellationToken);
        IReadOnlyList<TResult> items = total > paging.Skip
            ? await read(ordered.Skip(paging.Skip).Take(paging.Size)).ToListAsync(cancellationToken)
            : [];
        return new PagedResult<TResult>(items, paging.Page, paging.Size, total);
    }
}
