namespace Platform.ServiceDefaults;

/// <summary>Search text inside SQL <c>LIKE</c> patterns.</summary>
public static class SqlLike
{
    /// <summary>
    /// Escapes <c>%</c>, <c>_</c> and the escape character itself, so a user searching for "50%" finds "50%"
    /// rather than everything starting with "50". PostgreSQL's default escape character is the backslash.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>A pattern matching values that contain <paramref name="text"/>.</summary>
    public static string Containing(string text) => $"%{Escape(text.Trim())}%";
}
