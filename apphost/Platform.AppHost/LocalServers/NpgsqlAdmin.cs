using Npgsql;

namespace Platform.AppHost.LocalServers;

/// <summary>The AppHost's own short-lived connections to PostgreSQL: health checks and database creation.</summary>
internal static class NpgsqlAdmin
{
    public static async Task<NpgsqlConnection> OpenAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken)
    {
        var connectionString = await resource.GetConnectionStringAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string yet.");

        // Unpooled: an idle connection parked in the AppHost's pool would hold up the server's smart shutdown.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database unless it exists; returns whether it was created.</summary>
    public static async Task<bool> EnsureDatabaseAsync(LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database.Parent, cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database.DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return false;
        }

        // CREATE DATABASE takes no parameters, so the name is quoted as an identifier instead.
        var quotedName = $"\"{database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }
}
