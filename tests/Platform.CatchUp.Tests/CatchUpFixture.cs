extern alias districts;
extern alias residents;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Testing;
using Platform.Testing.Identity;
using DistrictsProgram = districts::Program;
using IdentityAdminClient = districts::Platform.Districts.Features.Districts.IdentityAdminClient;
using ResidentsProgram = residents::Program;

[assembly: AssemblyFixture(typeof(Platform.CatchUp.Tests.CatchUpFixture))]

namespace Platform.CatchUp.Tests;

/// <summary>
/// A running platform that a residents service joins late: the identity and districts services on their own
/// databases, sharing one RabbitMQ virtual host, started as in development (operator and demo district
/// seeded). Tests onboard districts through the districts API and start residents instances of their own on
/// databases they choose, one at a time (instances of one service share its queues).
/// </summary>
public sealed class CatchUpFixture : IAsyncLifetime
{
    private static int _districts;
    private readonly string _personalDataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _lookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private TestDatabase? _identityDatabase;
    private TestDatabase? _districtsDatabase;
    private TestVirtualHost? _virtualHost;

    public IdentityTestHost Identity { get; private set; } = null!;

    public WebApplicationFactory<DistrictsProgram> Districts { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Postgres = await SharedServers.PostgresAsync();
        _identityDatabase = await Postgres.CreateDatabaseAsync("identity", cancellationToken);
        _districtsDatabase = await Postgres.CreateDatabaseAsync("districts", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);

        Identity = IdentityTestHost.Start(_identityDatabase, _virtualHost);
        Districts = new WebApplicationFactory<DistrictsProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:districtsdb", _districtsDatabase.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.ConfigureServices(services =>
            {
                Identity.Trust(services);
                services.AddHttpClient(IdentityAdminClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Factory.Server.CreateHandler());
            });
        });
        _ = Districts.Server;
    }

    /// <summary>
    /// Starts a residents instance on <paramref name="database"/> (fresh or left by an earlier instance), as in
    /// development, with the same personal-data keys every time. Dispose it before starting the next.
    /// </summary>
    public WebApplicationFactory<ResidentsProgram> StartResidents(TestDatabase database, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var residents = new WebApplicationFactory<ResidentsProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:residentsdb", database.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost!.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            web.UseSetting("PersonalData:Keys:test-1", _personalDataKey);
            web.UseSetting("PersonalData:CurrentKeyId", "test-1");
            web.UseSetting("PersonalData:LookupKey", _lookupKey);
            web.ConfigureServices(services =>
            {
                Identity.Trust(services);
                configureServices?.Invoke(services);
            });
        });
        _ = residents.Server;
        return residents;
    }

    /// <summary>
    /// Onboards a new district through the districts API and gives it a small tree, as its administrator would:
    /// a street with a community, a grid, a compound and a building, and a second street with a community and a grid.
    /// </summary>
    public async Task<TestDistrict> OnboardDistrictWithTreeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var number = Interlocked.Increment(ref _districts);
        var identifier = $"late-{number}-{Guid.NewGuid().ToString("N")[..6]}";
        var login = $"{identifier}-admin";
        const string password = "Admin-Test-2026!";

        using var operatorClient = Client(Districts, await Identity.OperatorTokenAsync());
        using var onboarded = await operatorClient.PostAsJsonAsync("/api/districts", new
        {
            identifier,
            name = $"后来区{number}",
            city = "北京市",
            adminCode = $"9{number:D2}{Random.Shared.Next(1000):D3}",
            adminLogin = login,
            adminPassword = password,
        }, cancellationToken);
        var district = await onboarded.AssertOkAsync(System.Net.HttpStatusCode.Created);
        var tenant = new TenantInfo(district.GetProperty("id").GetGuid(), identifier, district.GetProperty("name").GetString()!, TenantStatus.Active, new Dictionary<string, string>());

        // The administrator signs in once identity has received the onboarding event.
        var token = await Identity.TokenOnceKnownAsync(login, password, identifier);
        var admin = Client(Districts, token);
        var street = await AddNodeAsync(admin, TerritoryNodeKind.Street, "东街道", parentId: null);
        var community = await AddNodeAsync(admin, TerritoryNodeKind.Community, "东一社区", street);
        var grid = await AddNodeAsync(admin, TerritoryNodeKind.Grid, "东一网格", community);
        var compound = await AddNodeAsync(admin, TerritoryNodeKind.Compound, "幸福小区", grid);
        var building = await AddNodeAsync(admin, TerritoryNodeKind.Building, "1号楼", compound);
        var otherStreet = await AddNodeAsync(admin, TerritoryNodeKind.Street, "西街道", parentId: null);
        var otherCommunity = await AddNodeAsync(admin, TerritoryNodeKind.Community, "西一社区", otherStreet);
        var otherGrid = await AddNodeAsync(admin, TerritoryNodeKind.Grid, "西一网格", otherCommunity);
        return new TestDistrict(tenant, admin, street, compound, building, otherStreet, otherGrid, NodeCount: 8);
    }

    /// <summary>A client of <paramref name="service"/> that sends <paramref name="accessToken"/>.</summary>
    public static HttpClient Client<TProgram>(WebApplicationFactory<TProgram> service, string accessToken)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(service);
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<Guid> AddNodeAsync(HttpClient admin, TerritoryNodeKind kind, string name, Guid? parentId)
    {
        var kindName = JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
        using var response = await admin.PostAsJsonAsync(
            "/api/territory/nodes", new { kind = kindName, code = $"C{Guid.NewGuid().ToString("N")[..10]}", name, parentId }, TestContext.Current.CancellationToken);
        return (await response.AssertOkAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        if (Districts is not null)
        {
            await Districts.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        foreach (var resource in new IAsyncDisposable?[] { _virtualHost, _districtsDatabase, _identityDatabase })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }
    }
}

/// <summary>A district onboarded by a test, with its administrator's districts client and the nodes of its tree.</summary>
public sealed record TestDistrict(
    TenantInfo Tenant, HttpClient Admin, Guid Street, Guid Compound, Guid Building, Guid OtherStreet, Guid OtherGrid, int NodeCount);

