using Npgsql;

namespace Platform.Testing.Tests;

public sealed class PostgresServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDatabaseAsync_WithPrefix_ReturnsWritableDatabaseNamedAfterIt()
    {
        await using var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("residents", Cancel);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await ExecuteAsync(connection, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('hello')");

        Assert.Equal("hello", await ScalarAsync(connection, "SELECT text FROM notes"));
        Assert.Equal(database.Name, await ScalarAsync(connection, "SELECT current_database()"));
        Assert.Matches("^residents_[a-z0-9]+$", database.Name);
    }

    [Fact]
    public async Task CreateDatabaseAsync_WithPrefixThatIsNoIdentifier_NamesDatabaseWithLowercaseIdentifier()
    {
        await using var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("2 Tenant-Isolation", Cancel);

        Assert.Matches("^db_2_tenant_isolation_[a-z0-9]+$", database.Name);
    }

    [Fact]
    public async Task CreateDatabaseAsync_Twice_KeepsTablesOfOneOutOfTheOther()
    {
        var server = await SharedServers.PostgresAsync();
        await using var first = await server.CreateDatabaseAsync("isolation", Cancel);
        await using var second = await server.CreateDatabaseAsync("isolation", Cancel);

        await using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            await ExecuteAsync(connection, "CREATE TABLE only_in_first (id int)");
        }

        await using var other = new NpgsqlConnection(second.ConnectionString);
        await other.OpenAsync(Cancel);
        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(0L, await ScalarAsync(other, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
    }

    [Fact]
    public async Task DisposeAsync_OfDatabaseWithOpenConnection_DropsIt()
    {
        var server = await SharedServers.PostgresAsync();
        var database = await server.CreateDatabaseAsync("dropped", Cancel);
        await using var open = new NpgsqlConnection(database.ConnectionString);
        await open.OpenAsync(Cancel);

        await database.DisposeAsync();

        await using var maintenance = new NpgsqlConnection(server.ConnectionString);
        await maintenance.OpenAsync(Cancel);
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", maintenance)
        {
            Parameters = { new() { Value = database.Name } },
        };
        Assert.Equal(0L, await exists.ExecuteScalarAsync(Cancel));
        var missing = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(Cancel);
        });
        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, missing.SqlState);
    }

    [Fact]
    public async Task DisposeAsync_OfOwnServer_StopsIt()
    {
        var server = await PostgresServer.StartAsync(Cancel);
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
        }

        await server.DisposeAsync();

        NpgsqlConnection.ClearAllPools();
        await Assert.ThrowsAsync<NpgsqlException>(async () =>
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(Cancel);
        });
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Cancel);
    }
}
