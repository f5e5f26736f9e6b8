using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>A shop service on a fresh database and a fresh virtual host of the shared broker, with one district.</summary>
public class ShopFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestVirtualHost? _virtualHost;

    public ShopService Shop { get; private set; } = null!;

    public TestDatabase Database => _database!;

    /// <summary>Configuration the shop starts with on top of its test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public TenantInfo District { get; private set; } = null!;

    public string VirtualHostConnectionString => _virtualHost!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("messaging", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);
        Shop = await ShopService.StartAsync(_database.ConnectionString, _virtualHost.ConnectionString, Settings, cancellationToken);
        District = await Shop.OnboardDistrictAsync("chaoyang", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Shop is not null)
        {
            await Shop.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
