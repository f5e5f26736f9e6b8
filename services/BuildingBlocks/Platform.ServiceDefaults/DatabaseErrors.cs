using Npgsql;

namespace Platform.ServiceDefaults;

/// <summary>What a failed write says about the data, read from the PostgreSQL error beneath it.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// Whether the write broke a unique index: another request stored the same key first (two registrations of one
    /// ID number, a second ballot, a tracking number drawn twice). The exception is EF Core's <c>DbUpdateException</c>
    /// around the PostgreSQL error, or the error itself from a raw command.
    /// </summary>
    public static bool IsUniqueViolation(this Exception exception) => exception.IsUniqueViolation(out _);

    /// <summary>As <see cref="IsUniqueViolation(Exception)"/>, naming the index that was broken, for writes guarded by several.</summary>
    public static bool IsUniqueViolation(this Exception exception, out string? constraint)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        constraint = postgres?.ConstraintName;
        return postgres?.SqlState == PostgresErrorCodes.UniqueViolation;
    }
}
