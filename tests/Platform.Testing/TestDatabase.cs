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

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _server.DropDatabaseAsync(Name, ConnectionString);
        }
    }
}
