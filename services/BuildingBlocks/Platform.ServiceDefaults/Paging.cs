namespace Platform.ServiceDefaults;

/// <summary>
/// Page-number paging for lists whose total is worth counting (administration screens). Pages start at 1;
/// the size is clamped to 1..<see cref="MaxSize"/> and the page to 1..<see cref="MaxPage"/>. A page past the
/// end of the list is an empty page (with the list's total), never an error.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>The default page size.</summary>
    public const int DefaultSize = 20;

    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxSize = 100;

    /// <summary>The highest page number: its offset still fits an <see cref="int"/> at any page size.</summary>
    public const int MaxPage = int.MaxValue / MaxSize;

    /// <summary>Normalises what the client sent.</summary>
    public PageRequest(int? page, int? pageSize)
    {
        Page = Math.Clamp(page ?? 1, 1, MaxPage);
        Size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
    }

    /// <summary>The 1-based page number.</summary>
    public int Page { get; }

    /// <summary>Items per page.</summary>
    public int Size { get; }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * Size;
}

/// <summary>One page of a list, with the total so that clients can show page links.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size used.</param>
/// <param name="Total">How many items the whole list has.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>The same page with each item turned into what the client is answered.</summary>
    /// <typeparam name="TResult">The answered item type.</typeparam>
    /// <param name="map">Makes one answered item of a row.</param>
    /// <returns>The page of mapped items, with the same page, size and total.</returns>
    public PagedResult<TResult> Map<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new PagedResult<TResult>([.. Items.Select(map)], Page, PageSize, Total);
    }
}
