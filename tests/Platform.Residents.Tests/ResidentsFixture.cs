using System.Net.Http.Headers;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.Residents.Contracts;
using Platform.Residents.Data;
using Platform.Testing;
using Platform.Testing.Identity;

[assembly: AssemblyFixture(typeof(Platform.Residents.Tests.ResidentsFixture))]

namespace Platform.Residents.Tests;

/// <summary>
/// The residents service and the identity service that issues its tokens, each on a fresh PostgreSQL database,
/// sharing one RabbitMQ virtual host as in production. A test bus on the same broker plays the Districts
/// service (it publishes a small territory tree for the demo district and onboards a second district) and
/// records every event the residents service publishes.
/// </summary>
public sealed class ResidentsFixture : IAsyncLifetime
{
    private TestDatabase? _identityDatabase;
    private TestDatabase? _residentsDatabase;
    private TestVirtualHost? _virtualHost;
    private EventRecorder? _recorder;

    public IdentityTestHost Identity { get; private set; } = null!;

    public WebApplicationFactory<Program> Residents { get; private set; } = null!;

    /// <summary>The residents database, for tests that look at what is stored.</summary>
    public string ResidentsConnectionString => _residentsDatabase!.ConnectionString;

    /// <summary>The test bus: publishes as the Districts or Property service would.</summary>
    public IBus Bus => _recorder!.Bus;

    /// <summary>Every event the residents service published, oldest first.</summary>
    public IEnumerable<IIntegrationEvent> Events => _recorder!.Events;

    /// <summary>A demand category with a one-second resolution deadline.</summary>
    public const string FastCategory = "测试加急";

    public static TenantInfo Demo { get; } = new(DemoDistrict.Id, DemoDistrict.Identifier, DemoDistrict.Name, TenantStatus.Active, new Dictionary<string, string>());

    /// <summary>A second district, for isolation tests.</summary>
    public static TenantInfo Other { get; } = new(Guid.Parse("0000000a-0000-0000-0000-0000000000a1"), "other-district", "别的区", TenantStatus.Active, new Dictionary<string, string>());

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgres = await SharedServers.PostgresAsync();
        _identityDatabase = await postgres.CreateDatabaseAsync("identity", cancellationToken);
        _residentsDatabase = await postgres.CreateDatabaseAsync("residents", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);

        _recorder = await EventRecorder.StartAsync(_virtualHost, "residents-tests-recorder", events => events
            .Record<ResidentRegisteredIntegrationEvent>()
            .Record<ResidentMovedIntegrationEvent>()
            .Record<ResidentTagsChangedIntegrationEvent>()
            .Record<DemandReceivedIntegrationEvent>()
            .Record<DemandAssignedIntegrationEvent>()
            .Record<DemandAssignedToPropertyCompanyIntegrationEvent>()
            .Record<DemandWhistleBlownIntegrationEvent>()
            .Record<DemandResolvedIntegrationEvent>()
            .Record<DemandClosedIntegrationEvent>());

        Identity = IdentityTestHost.Start(_identityDatabase, _virtualHost);
        Residents = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:residentsdb", _residentsDatabase.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            web.UseSetting("Imports:PollInterval", "00:00:00.500");
            // Fresh keys per run: nothing in the test depends on the development keys.
            web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            web.UseSetting("PersonalData:CurrentKeyId", "test-1");
            // A category whose resolution deadline passes while the test watches.
            web.UseSetting("Demands:Sla:ResolutionByCategory:" + FastCategory, "00:00:01");
            web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            web.ConfigureServices(Identity.Trust);
        });
        _ = Residents.Server;

        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        await PublishTreeAsync(TestTerritory.DemoNodes(Demo.Id), cancellationToken);
        await PublishTreeAsync(TestTerritory.OtherNodes(Other.Id), cancellationToken);
    }

    private async Task OnboardAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        await Bus.Publish(new DistrictOnboardedIntegrationEvent { TenantId = tenant.Id, Identifier = tenant.Identifier, Name = tenant.Name }, cancellationToken);
        await WaitUntilAsync(async db => await db.Set<Platform.MultiTenancy.Storage.TenantRecord>().AnyAsync(t => t.Id == tenant.Id, cancellationToken), tenant: null);
    }

    private async Task PublishTreeAsync(IReadOnlyList<TerritoryNodeAddedIntegrationEvent> nodes, CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            await Bus.Publish(node, cancellationToken);
        }

        var tenant = nodes[0].TenantId == Demo.Id ? Demo : Other;
        var last = nodes[^1].NodeId;
        await WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == last, cancellationToken), tenant);
    }

    /// <summary>Polls the residents database (inside <paramref name="tenant"/>) until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<ResidentsDbContext, Task<bool>> condition, TenantInfo? tenant)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Residents.Services.CreateAsyncScope();
            if (tenant is not null)
            {
                scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "test");
            }

            if (await condition(scope.ServiceProvider.GetRequiredService<ResidentsDbContext>()))
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The residents service did not reach the expected state within 30 s.");
    }

    /// <summary>Waits until the residents service has published an event of <typeparamref name="TEvent"/> matching <paramref name="match"/>.</summary>
    public Task<TEvent> RecordedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : IIntegrationEvent => _recorder!.RecordedAsync(match);

    /// <summary>A client of the residents service that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Client(string accessToken)
    {
        var client = Residents.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A client for a new member of <paramref name="tenant"/> with <paramref name="role"/> scoped to <paramref name="scopeNodeId"/>.</summary>
    public async Task<HttpClient> MemberClientAsync(string role, Guid? scopeNodeId = null, TenantInfo? tenant = null) =>
        Client(await Identity.MemberTokenAsync(tenant ?? Demo, role, scopeNodeId));

    public async ValueTask DisposeAsync()
    {
        if (Residents is not null)
        {
            await Residents.DisposeAsync();
        }

        if (Identity is not null)
        {
            await Identity.DisposeAsync();
        }

        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        foreach (var resource in new IAsyncDisposable?[] { _virtualHost, _residentsDatabase, _identityDatabase })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }
    }
}
