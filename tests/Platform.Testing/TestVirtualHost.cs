namespace Platform.Testing;

/// <summary>A virtual host of its own for one test class; disposing it deletes it with everything in it.</summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly IVirtualHostAdministration _administration;
    private int _disposed;

    internal TestVirtualHost(string name, string connectionString, IVirtualHostAdministration administration)
    {
        Name = name;
        ConnectionString = connectionString;
        _administration = administration;
    }

    public string Name { get; }

    /// <summary>Connects to this virtual host, e.g. <c>amqp://guest:guest@127.0.0.1:PORT/test-abc123</c>.</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _administration.DeleteAsync(Name, CancellationToken.None);
        }
    }
}
