using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// The platform as real processes on one machine, as it is deployed but without Kubernetes: a PostgreSQL server (one
/// database per service) and a RabbitMQ node of its own, Identity, Districts, two replicas of Residents and the
/// gateway balancing between them, each started from its build output as in development (seeded demo district).
/// Every part can be killed and started again; the servers keep their data and ports across restarts.
/// </summary>
internal sealed class PlatformUnderFaults : IAsyncDisposable
{
    private readonly List<ServiceProcess> _services = [];
    private readonly List<IAsyncDisposable> _resources = [];

    private PlatformUnderFaults(PostgresServer postgres, RabbitMqServer rabbitMq) => (Postgres, RabbitMq) = (postgres, rabbitMq);

    public PostgresServer Postgres { get; }

    public RabbitMqServer RabbitMq { get; }

    /// <summary>The virtual host every service, and the test's event counter, connect to.</summary>
    public TestVirtualHost VirtualHost { get; private set; } = null!;

    public string DistrictsDatabase { get; private set; } = "";

    public string ResidentsDatabase { get; private set; } = "";

    public ServiceProcess Identity { get; private set; } = null!;

    public ServiceProcess Districts { get; private set; } = null!;

    /// <summary>The two replicas of the residents service, on one database and one set of queues.</summary>
    public IReadOnlyList<ServiceProcess> Residents { get; private set; } = [];

    public ServiceProcess Gateway { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Services => _services;

    public static async Task<PlatformUnderFaults> StartAsync(CancellationToken cancellationToken)
    {
        var platform = new PlatformUnderFaults(await PostgresServer.StartAsync(cancellationToken), await RabbitMqServer.StartAsync(cancellationToken));
        try
        {
            await platform.StartServicesAsync(cancellationToken);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>The demo district admin's token through the gateway (password grant of <c>platform-cli</c>).</summary>
    public async Task<HttpClient> DemoAdminClientAsync(CancellationToken cancellationToken)
    {
        using var anonymous = new HttpClient { BaseAddress = Gateway.Address };
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = "demo-district-admin",
            ["password"] = "Demo-Dev-2026!", ["tenant"] = "demo", ["scope"] = "api",
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        // Requests of the load must fail fast during an outage rather than hang: the timeout is what "hangs" means here.
        var client = new HttpClient { BaseAddress = Gateway.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Whether every service and the gateway answer <c>/health</c>.</summary>
    public async Task<bool> AllHealthyAsync(CancellationToken cancellationToken)
    {
        foreach (var service in _services)
        {
            if (!await service.IsHealthyAsync(cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _services.Count - 1; i >= 0; i--)
        {
            await _services[i].DisposeAsync();
        }

        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            await _resources[i].DisposeAsync();
        }

        await RabbitMq.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    private async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        VirtualHost = await RabbitMq.CreateVirtualHostAsync(cancellationToken);
        _resources.Add(VirtualHost);
        var identityDatabase = await DatabaseAsync("identity", cancellationToken);
        DistrictsDatabase = await DatabaseAsync("districts", cancellationToken);
        ResidentsDatabase = await DatabaseAsync("residents", cancellationToken);
        var ports = FreePorts.Take(5);
        var gatewayAddress = $"http://127.0.0.1:{ports[4]}";
        var keys = Path.Combine(Path.GetTempPath(), $"gongzhi-reliability-keys-{Guid.NewGuid():N}");
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ConnectionStrings__rabbitmq"] = VirtualHost.ConnectionString,
            ["Identity__Authority"] = $"http://127.0.0.1:{ports[0]}",
        };

        Identity = await StartAsync("identity", "services/Identity/Platform.Identity", ports[0], common, new()
        {
            ["ConnectionStrings__identitydb"] = identityDatabase,
            ["Identity__KeyDirectory"] = keys,
            ["Identity__Issuer"] = $"{gatewayAddress}/",
        }, cancellationToken);
        Districts = await StartAsync("districts", "services/Districts/Platform.Districts", ports[1], common, new()
        {
            ["ConnectionStrings__districtsdb"] = DistrictsDatabase,
        }, cancellationToken);
        var residents = new Dictionary<string, string> { ["ConnectionStrings__residentsdb"] = ResidentsDatabase };
        Residents =
        [
            await StartAsync("residents-1", "services/Residents/Platform.Residents", ports[2], common, residents, cancellationToken),
            await StartAsync("residents-2", "services/Residents/Platform.Residents", ports[3], common, residents, cancellationToken),
        ];
        // Rate limits lifted: they are not what a fault test measures.
        Gateway = await StartAsync("gateway", "gateway/Platform.Gateway", ports[4], common, new()
        {
            ["ReverseProxy__Clusters__identity__Destinations__identity__Address"] = Identity.Address.ToString(),
            ["ReverseProxy__Clusters__districts__Destinations__districts__Address"] = Districts.Address.ToString(),
            ["ReverseProxy__Clusters__residents__Destinations__residents__Address"] = Residents[0].Address.ToString(),
            ["ReverseProxy__Clusters__residents__Destinations__residents-2__Address"] = Residents[1].Address.ToString(),
            ["Gateway__RateLimits__PerTenant__TokenLimit"] = "100000000",
            ["Gateway__RateLimits__PerTenant__TokensPerPeriod"] = "100000000",
            ["Gateway__RateLimits__PerClient__TokenLimit"] = "100000000",
            ["Gateway__RateLimits__PerClient__TokensPerPeriod"] = "100000000",
        }, cancellationToken);
    }

    private async Task<string> DatabaseAsync(string service, CancellationToken cancellationToken)
    {
        var database = await Postgres.CreateDatabaseAsync(service, cancellationToken);
        _resources.Add(database);
        return database.ConnectionString;
    }

    private async Task<ServiceProcess> StartAsync(
        string name, string project, int port, Dictionary<string, string> common, Dictionary<string, string> own, CancellationToken cancellationToken)
    {
        var service = new ServiceProcess(name, project, port, common.Concat(own).ToDictionary());
        _services.Add(service);
        await service.StartAsync(cancellationToken);
        return service;
    }
}
