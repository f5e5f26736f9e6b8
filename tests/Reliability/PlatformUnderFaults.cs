using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// The platform as real processes on one machine, as it is deployed but without Kubernetes: a PostgreSQL server (one
/// database per service) and a RabbitMQ node of its own, Identity, Districts, two replicas of Residents and the
/// gateway balancing between them, Property and TimeBank (one process each: the residents pair is the replica test),
/// each started from its build output as in development (seeded demo district).
/// Every part can be killed and started again; the servers keep their data and ports across restarts.
/// </summary>
internal sealed class PlatformUnderFaults : IAsyncDisposable
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(10);

    private readonly List<ServiceProcess> _services = [];
    private readonly List<IAsyncDisposable> _resources = [];

    private PlatformUnderFaults(PostgresServer postgres, RabbitMqServer rabbitMq) => (Postgres, RabbitMq) = (postgres, rabbitMq);

    public PostgresServer Postgres { get; }

    public RabbitMqServer RabbitMq { get; }

    /// <summary>The virtual host every service, and the test's event counter, connect to.</summary>
    public TestVirtualHost VirtualHost { get; private set; } = null!;

    public string DistrictsDatabase { get; private set; } = "";

    public string ResidentsDatabase { get; private set; } = "";

    public string PropertyDatabase { get; private set; } = "";

    public string TimeBankDatabase { get; private set; } = "";

    public ServiceProcess Identity { get; private set; } = null!;

    public ServiceProcess Districts { get; private set; } = null!;

    /// <summary>The two replicas of the residents service, on one database and one set of queues.</summary>
    public IReadOnlyList<ServiceProcess> Residents { get; private set; } = [];

    public ServiceProcess Property { get; private set; } = null!;

    public ServiceProcess TimeBank { get; private set; } = null!;

    /// <summary>Every process that consumes another service's events: both residents, Property and TimeBank (the territory's).</summary>
    public IReadOnlyList<ServiceProcess> Consumers => [.. Residents, Property, TimeBank];

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

    /// <summary>
    /// The demo district admin's token through the gateway (password grant of <c>platform-cli</c>). Requests of the load
    /// must fail fast during an outage rather than hang: its 10-s timeout (the default) is what "hangs" means here; the
    /// set-up before it waits longer for a service's first answers on a busy machine.
    /// </summary>
    public Task<HttpClient> DemoAdminClientAsync(CancellationToken cancellationToken, TimeSpan? timeout = null) => ClientWithTokenAsync(new()
    {
        ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = "demo-district-admin",
        ["password"] = "Demo-Dev-2026!", ["tenant"] = "demo", ["scope"] = "api",
    }, timeout ?? LoadTimeout, cancellationToken);

    /// <summary>A machine client's token through the gateway (client-credentials grant), as a property company's own system gets it.</summary>
    public Task<HttpClient> MachineClientAsync(string clientId, string secret, string scope, CancellationToken cancellationToken) => ClientWithTokenAsync(new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
    }, LoadTimeout, cancellationToken);

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
        // Not deleted at the end: the node is thrown away with it, and a node a fault left down must not turn the
        // test's own failure into one of deleting the virtual host.
        VirtualHost = await RabbitMq.CreateVirtualHostAsync(cancellationToken);
        var identityDatabase = await DatabaseAsync("identity", cancellationToken);
        DistrictsDatabase = await DatabaseAsync("districts", cancellationToken);
        ResidentsDatabase = await DatabaseAsync("residents", cancellationToken);
        PropertyDatabase = await DatabaseAsync("property", cancellationToken);
        TimeBankDatabase = await DatabaseAsync("timebank", cancellationToken);
        var ports = FreePorts.Take(7);
        var gatewayAddress = $"http://127.0.0.1:{ports[6]}";
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
        Property = await StartAsync("property", "services/Property/Platform.Property", ports[4], common, new()
        {
            ["ConnectionStrings__propertydb"] = PropertyDatabase,
        }, cancellationToken);
        TimeBank = await StartAsync("timebank", "services/TimeBank/Platform.TimeBank", ports[5], common, new()
        {
            ["ConnectionStrings__timebankdb"] = TimeBankDatabase,
        }, cancellationToken);
        // Rate limits lifted: they are not what a fault test measures.
        Gateway = await StartAsync("gateway", "gateway/Platform.Gateway", ports[6], common, new()
        {
            ["ReverseProxy__Clusters__identity__Destinations__identity__Address"] = Identity.Address.ToString(),
            ["ReverseProxy__Clusters__districts__Destinations__districts__Address"] = Districts.Address.ToString(),
            ["ReverseProxy__Clusters__residents__Destinations__residents__Address"] = Residents[0].Address.ToString(),
            ["ReverseProxy__Clusters__residents__Destinations__residents-2__Address"] = Residents[1].Address.ToString(),
            ["ReverseProxy__Clusters__property__Destinations__property__Address"] = Property.Address.ToString(),
            ["ReverseProxy__Clusters__timebank__Destinations__timebank__Address"] = TimeBank.Address.ToString(),
            ["Gateway__RateLimits__PerTenant__TokenLimit"] = "100000000",
            ["Gateway__RateLimits__PerTenant__TokensPerPeriod"] = "100000000",
            ["Gateway__RateLimits__PerClient__TokenLimit"] = "100000000",
            ["Gateway__RateLimits__PerClient__TokensPerPeriod"] = "100000000",
        }, cancellationToken);
    }

    private async Task<HttpClient> ClientWithTokenAsync(Dictionary<string, string> grant, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var anonymous = new HttpClient { BaseAddress = Gateway.Address };
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(grant), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString();
        var client = new HttpClient { BaseAddress = Gateway.Address, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
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
