using System.Data.Common;
using Npgsql;

namespace Platform.ServiceHost.Data;

/// <summary>
/// The connection settings every service's database connections get unless its connection string says otherwise.
/// </summary>
/// <remarks>
/// Entity Framework opens and closes a pooled connection for every query and every save, so a request that reads
/// twice and writes once borrows three times. By default Npgsql resets each returned connection with
/// <c>DISCARD ALL</c> (a round trip and server work per borrow) and sends every statement unprepared (parsed and
/// planned each time). The services keep no session state on a connection (their advisory locks are
/// transaction-scoped, they neither <c>LISTEN</c> nor <c>SET</c>), so the reset buys nothing; and their statements
/// come from a small fixed set of queries, which is what automatic preparation is for.
/// </remarks>
public static class ServiceConnectionStrings
{
    /// <summary>Statements Npgsql keeps prepared per physical connection.</summary>
    public const int PreparedStatementsPerConnection = 64;

    /// <summary>
    /// <paramref name="connectionString"/> with the platform's defaults for the settings it does not name:
    /// no reset when a connection goes back to the pool, and automatic preparation of the statements used at least
    /// twice.
    /// </summary>
    /// <param name="connectionString">The configured connection string.</param>
    /// <returns>The connection string the service's database context uses.</returns>
    public static string WithPlatformDefaults(string connectionString)
    {
        // Npgsql's own builder claims to contain every setting it knows; the generic one holds only those given.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(keyword => keyword.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains(nameof(tuned.NoResetOnClose)))
        {
            tuned.NoResetOnClose = true;
        }

        if (!named.Contains(nameof(tuned.MaxAutoPrepare)))
        {
            tuned.MaxAutoPrepare = PreparedStatementsPerConnection;
        }

        return tuned.ConnectionString;
    }
}
