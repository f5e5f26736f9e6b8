using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Districts.Features.Districts;
using Platform.MultiTenancy;
using Platform.Testing;
using Platform.Testing.Identity;

[assembly: AssemblyFixture(typeof(Platform.Districts.Tests.DistrictsFixture))]

namespace Platform.Districts.Tests;

/// <summary>
/// The districts service and the identity service it creates administrators in, each on its own fresh
/// PostgreSQL database, sharing one RabbitMQ virtual host as in production, both started as in development
/// (operator, demo district with its sample territory and demo users seeded). A recorder on the same broker
/// keeps every district and territory event the districts service publishes.
/// </summary>
public sealed class DistrictsFixture : IAsyncLifetime
{
    private TestDatabase? _identityDatabase;
    private TestDatabase? _districtsDatabase;
    private TestVirtualHost? _virtualHost;
    private EventRecorder? _recorder;

    public IdentityTestHost Identity { get; private set; } = null!;

    public WebApplicationFactory<Program> Districts { get; private set; } = null!;

    /// <summary>Every event the recorder received, newest last.</summary>
    public ConcurrentQueue<IIntegrationEvent> Events => _recorder!.Events;

    public string DistrictsConnectionString => _districtsDatabase!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgres = await SharedServers.PostgresAsync();
        _identityDatabase = await postgres.CreateDatabaseAsync("identity", cancellationToken);
        _districtsDatabase = await postgres.CreateDatabaseAsync("districts", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);

        _recorder = await EventRecorder.StartAsync(_virtualHost, "districts-tests-recorder", events => events
            .Record<DistrictOnboardedIntegrationEvent>()
            .Record<DistrictStatusChangedIntegrationEvent>()
            .Record<TerritoryNodeAddedIntegrationEvent>()
            .Record<TerritoryNodeRenamedIntegrationEvent>()
            .Record<TerritoryNodeAttributesChangedIntegrationEvent>()
            .Record<TerritoryNodeMovedIntegrationEvent>()
            .Record<TerritoryNodeRetiredIntegrationEvent>());

        Identity = IdentityTestHost.Start(_identityDatabase, _virtualHost);

        Districts = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:districtsdb", _districtsDatabase.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            web.UseSetting("Imports:PollInterval", "00:00:00.500");
            // Token metadata and the administrator API are served by the in-memory identity service.
            web.ConfigureServices(services =>
            {
                Identity.Trust(services);
                services.AddHttpClient(IdentityAdminClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Factory.Server.CreateHandler());
            });
        });
        _ = Districts.Server;
    }

    /// <summary>Waits until the recorder has an event of <typeparamref name="TEvent"/> matching <paramref name="match"/>.</summary>
    public Task<TEvent> RecordedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : IIntegrationEvent => _recorder!.RecordedAsync(match);

    public Task<string?> TryTokenAsync(string login, string password, string tenant) => Identity.TryTokenAsync(login, password, tenant);

    public Task<string> TokenAsync(string login, string password, string tenant) => Identity.TokenAsync(login, password, tenant);

    public Task<string> OperatorTokenAsync() => Identity.OperatorTokenAsync();

    public Task<string> DemoTokenAsync(string role) => Identity.DemoTokenAsync(role);

    /// <summary>A client of the districts service that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Client(string accessToken)
    {
        var client = Districts.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public Task<string> MemberTokenAsync(TenantInfo tenant, string role, Guid? scopeNodeId) => Identity.MemberTokenAsync(tenant, role, scopeNodeId);

    public static TenantInfo Demo { get; } = new(DemoDistrict.Id, DemoDistrict.Identifier, DemoDistrict.Name, TenantStatus.Active, new Dictionary<string, string>());

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

        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
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
