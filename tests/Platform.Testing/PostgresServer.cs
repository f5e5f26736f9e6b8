using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Testing;

/// <summary>
/// A real PostgreSQL server for integration tests: a throwaway instance started from
/// <c>infra/local/postgres.sh</c>, or an external server named by <see cref="SharedServers"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const int MaxStartAttempts = 3;
    private const int MaxIdentifierLength = 63;
    private const string DefaultDatabasePrefix = "test";
    private const int DatabaseSuffixLength = 10;

    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _maintenance;
    private readonly string? _instanceDirectory;
    private readonly string[] _arguments;
    private readonly bool _shared;
    private ServerProcess? _process;

    private PostgresServer(string connectionString, ServerProcess? process, string? instanceDirectory, string[] arguments, bool shared)
    {
        ConnectionString = connectionString;
        _maintenance = NpgsqlDataSource.Create(connectionString);
        _process = process;
        _instanceDirectory = instanceDirectory;
        _arguments = arguments;
        _shared = shared;
    }

    /// <summary>Connects to the maintenance database <c>postgres</c> as a superuser.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts a new throwaway server on a free port. Its data lives in a temporary folder and is deleted when it is
    /// disposed; durability is traded for speed (no fsync).
    /// </summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(shared: false, cancellationToken);

    internal static async Task<PostgresServer> StartAsync(bool shared, CancellationToken cancellationToken)
    {
        var instanceDirectory = ScratchSpace.CreateInstanceDirectory("postgres");
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        try
        {
            for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
            {
                var port = FreePorts.Take(1)[0];
                var connectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Password = password,
                    Database = "postgres",
                }.ConnectionString;

                string[] arguments =
                [
                    "--data-dir", Path.Combine(instanceDirectory, "data"),
                    "--port", port.ToString(CultureInfo.InvariantCulture),
                    "--password", password,
                    "--ephemeral",
                ];

                var process = await TryStartProcessAsync(arguments, instanceDirectory, connectionString, cancellationToken);
                if (process is not null)
                {
                    return new PostgresServer(connectionString, process, instanceDirectory, arguments, shared);
                }
            }

            throw new InvalidOperationException(
                $"PostgreSQL could not start: its free port was taken by another process {MaxStartAttempts} times in a row.");
        }
        catch
        {
            ScratchSpace.DeleteInstanceDirectory(instanceDirectory);
            throw;
        }
    }

    internal static PostgresServer External(string connectionString) => new(connectionString, null, null, [], shared: true);

    /// <summary>
    /// Restarts a server started by <see cref="StartAsync(CancellationToken)"/> as an operator would: a fast shutdown
    /// (clients are disconnected, what is committed is kept), then a start on the same port with the same data, waiting
    /// until it accepts connections again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server is shared, or another process took its port while it was down.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_shared || _process is null)
        {
            throw new InvalidOperationException(
                "Only a server from PostgresServer.StartAsync can be restarted: a shared one serves other test classes at the same time.");
        }

        await _process.StopAsync(Posix.SigInt, s_stopGrace, cancellationToken);
        _process = await TryStartProcessAsync(_arguments, _instanceDirectory!, ConnectionString, cancellationToken)
            ?? throw new InvalidOperationException("PostgreSQL could not restart: another process took its port while it was down.");
        // The shutdown ended the server's side of every pooled maintenance connection; they would fail on next use.
        _maintenance.Clear();
    }

    /// <summary>Creates an empty database named <paramref name="namePrefix"/> plus a random suffix; disposing it drops it.</summary>
    /// <param name="namePrefix">Names the test area, e.g. <c>residents</c>; folded to a lowercase identifier.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    public async Task<TestDatabase> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        var name = DatabaseName(namePrefix);
        await using (var create = _maintenance.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(this, name, connectionString);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into a new database, as a backup restored later would hold it; disposing
    /// the copy drops it. Nothing may be using the source meanwhile (stop the service first).
    /// </summary>
    public async Task<TestDatabase> CopyDatabaseAsync(TestDatabase source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The stopped service's idle pooled connections still count as users of the template. Every pool is cleared,
        // not only the one of the source's connection string: a service adds its own settings to the string it is
        // given (ServiceConnectionStrings), so its pool has another key. Connections in use elsewhere are unaffected.
        NpgsqlConnection.ClearAllPools();

        var name = DatabaseName("restored");
        await using (var copy = _maintenance.CreateCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source.Name}\""))
        {
            await copy.ExecuteNonQueryAsync(cancellationToken);
        }

        return new TestDatabase(this, name, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>Stops a server started by <see cref="StartAsync(CancellationToken)"/> and deletes its data.</summary>
    /// <remarks>
    /// Does nothing for a server from <see cref="SharedServers"/>: other test classes still use it, and it stops
    /// when the test process exits.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        if (_shared)
        {
            return;
        }

        await _maintenance.DisposeAsync();
        if (_process is not null)
        {
            await _process.ShutdownAsync();
            ScratchSpace.DeleteInstanceDirectory(_instanceDirectory!);
        }
    }

    internal async Task<long> CommittedTransactionsAsync(string name, CancellationToken cancellationToken)
    {
        // Read from the maintenance database, so the reading itself is not counted.
        await using var read = _maintenance.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = $1");
        read.Parameters.AddWithValue(name);
        return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
    }

    internal async Task DropDatabaseAsync(string name, string connectionString)
    {
        // Idle pooled connections would otherwise be killed by FORCE and surface later as broken connections.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var drop = _maintenance.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    // SIGINT is PostgreSQL's fast shutdown: unlike SIGTERM it does not wait for pooled connections to close.
    private static Task<ServerProcess?> TryStartProcessAsync(string[] arguments, string instanceDirectory, string connectionString, CancellationToken cancellationToken) =>
        ServerProcess.TryStartAsync(
            "PostgreSQL", "postgres.sh", arguments, instanceDirectory, Posix.SigInt,
            token => AcceptsConnectionsAsync(connectionString, token), cancellationToken);

    private static async Task<bool> AcceptsConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(probe);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static string DatabaseName(string? prefix)
    {
        var stem = new StringBuilder();
        foreach (var character in (prefix ?? DefaultDatabasePrefix).ToLowerInvariant())
        {
            stem.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
        }

        if (stem.Length == 0 || char.IsAsciiDigit(stem[0]))
        {
            stem.Insert(0, "db_");
        }

        var maxStemLength = MaxIdentifierLength - DatabaseSuffixLength - 1;
        if (stem.Length > maxStemLength)
        {
            stem.Length = maxStemLength;
        }

        return $"{stem}_{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", DatabaseSuffixLength)}";
    }
}
