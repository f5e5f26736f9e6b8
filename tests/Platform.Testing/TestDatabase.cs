namespace Platform.Testing;

/// <summary>A database of its own for one test class; disposing it drops it, closing any connections still open.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private int _disposed;

    internal TestDatabase(PostgresServer server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>A lowercase identifier that needs no quoting: the prefix it was created with plus a random suffix.</summary>
    public string Name { get; }

    /// <summary>Connects to this database as the server's superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Transactions committed in this database per second over <paramref name="window"/>, as PostgreSQL counts
    /// them (<c>pg_stat_database.xact_commit</c>; backends report at most once a second, so a short window
    /// is off by about one second's worth).
    /// </summary>
    public async Task<double> CommitsPerSecondAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var before = await _server.CommittedTransactionsAsync(Name, cancellationToken);
        await Task.Delay(window, cancellationToken);
        var after = await _server.CommittedTransactionsAsync(Name, cancellationToken);
        return (after - before) / window.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _server.DropDatabaseAsync(Name, ConnectionString);
        }
    }
}
