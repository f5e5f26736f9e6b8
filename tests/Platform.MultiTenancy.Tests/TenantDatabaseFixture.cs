using Platform.Testing;

namespace Platform.MultiTenancy.Tests;

/// <summary>A fresh PostgreSQL database with the notes schema for one test class.</summary>
public sealed class TenantDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public string ConnectionString => _database!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var server = await SharedServers.PostgresAsync();
        _database = await server.CreateDatabaseAsync("tenancy");
        await using var db = NotesDbContext.Create(ConnectionString, tenant: null);
        await db.Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
