extern alias districts;
extern alias property;
extern alias residents;
extern alias timebank;
extern alias socialorgs;
extern alias partybuilding;

using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Platform.Testing.Identity;
using DistrictsProgram = districts::Program;
using PropertyProgram = property::Program;
using ResidentsProgram = residents::Program;
using TimeBankProgram = timebank::Program;
using SocialOrgsProgram = socialorgs::Program;
using PartyBuildingProgram = partybuilding::Program;

[assembly: AssemblyFixture(typeof(Platform.Fuzz.PlatformUnderFuzz))]

namespace Platform.Fuzz;

/// <summary>A service under fuzz: its name, an in-memory client factory and where its OpenAPI document is.</summary>
public sealed record FuzzedService(string Name, string OpenApiPath, Func<HttpClient> CreateClient);

/// <summary>
/// Every service, in memory, started as in development on databases of their own and one RabbitMQ virtual host:
/// Districts seeds the demo district and its territory and the others learn it from its events, as in production.
/// </summary>
public sealed class PlatformUnderFuzz : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _resources = [];

    /// <summary>The services the suite covers. A new service is one more entry in <see cref="InitializeAsync"/>.</summary>
    public List<FuzzedService> Services { get; } = [];

    /// <summary>The demo district administrator's token: the caller of every fuzzed request.</summary>
    public string DistrictAdminToken { get; private set; } = "";

    /// <summary>The in-memory identity service, for tests that need its other tokens.</summary>
    public IdentityTestHost Identity { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgres = await SharedServers.PostgresAsync();
        var virtualHost = Own(await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken));
        Identity = IdentityTestHost.Start(Own(await postgres.CreateDatabaseAsync("fuzz_identity", cancellationToken)), virtualHost);
        _resources.Add(Identity);

        Services.Add(new("identity", "/api/identity/openapi/v1.json", () => Identity.Factory.CreateClient(NoRedirects)));
        // Districts last: the others' queues must be bound before it publishes the demo district.
        Services.Add(await StartAsync<ResidentsProgram>("residents", "/api/residents/openapi/v1.json", "residentsdb", virtualHost, WithFreshPersonalDataKeys));
        Services.Add(await StartAsync<PropertyProgram>("property", "/api/property/openapi/v1.json", "propertydb", virtualHost, WithFreshPersonalDataKeys));
        Services.Add(await StartAsync<TimeBankProgram>("timebank", "/api/timebank/openapi/v1.json", "timebankdb", virtualHost, _ => { }));
        Services.Add(await StartAsync<SocialOrgsProgram>("socialorgs", "/api/socialorgs/openapi/v1.json", "socialorgsdb", virtualHost, WithFreshPersonalDataKeys));
        Services.Add(await StartAsync<PartyBuildingProgram>("partybuilding", "/api/partybuilding/openapi/v1.json", "partybuildingdb", virtualHost, _ => { }));

        Services.Add(await StartAsync<DistrictsProgram>("districts", "/api/districts/openapi/v1.json", "districtsdb", virtualHost, web => web.ConfigureTestServices(services =>
            services.AddHttpClient(IdentityAdminClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Factory.Server.CreateHandler()))));
        DistrictAdminToken = await Identity.DemoTokenAsync("district-admin");
        await WaitUntilEveryServiceKnowsTheDemoDistrictAsync(cancellationToken);
    }

    /// <summary>A client of <paramref name="service"/> that sends the district administrator's token.</summary>
    public HttpClient Client(FuzzedService service, string? token = null)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? DistrictAdminToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            await _resources[i].DisposeAsync();
        }
    }

    // Districts' client of the identity administrator API (IdentityAdminClient.ClientName, internal to the service).
    private const string IdentityAdminClientName = "identity-admin";

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    private async Task<FuzzedService> StartAsync<TProgram>(
        string name, string openApiPath, string connectionStringName, TestVirtualHost virtualHost, Action<IWebHostBuilder> configure)
        where TProgram : class
    {
        var database = Own(await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("fuzz_" + name, TestContext.Current.CancellationToken));
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:" + connectionStringName, database.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", virtualHost.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            web.ConfigureTestServices(Identity.Trust);
            configure(web);
        });
        _ = factory.Server;
        _resources.Add(factory);
        return new FuzzedService(name, openApiPath, () => factory.CreateClient(NoRedirects));
    }

    private static void WithFreshPersonalDataKeys(IWebHostBuilder web)
    {
        web.UseSetting("PersonalData:Keys:fuzz-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "fuzz-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    // A service answers 404 tenant_not_found until the demo district's onboarding event has reached it.
    private async Task WaitUntilEveryServiceKnowsTheDemoDistrictAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        foreach (var service in Services)
        {
            using var client = Client(service);
            client.DefaultRequestHeaders.Add("X-Tenant", "demo");
            while (true)
            {
                using var response = await client.GetAsync(new Uri($"/api/{service.Name}/openapi/v1.json", UriKind.Relative), cancellationToken);
                if (!(await response.Content.ReadAsStringAsync(cancellationToken)).Contains("tenant_not_found", StringComparison.Ordinal))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{service.Name} never learned the demo district.");
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
