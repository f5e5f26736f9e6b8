extern alias identity;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Districts.Features.Districts;
using Platform.MultiTenancy;
using Platform.Testing;
using IdentityDbContext = identity::Platform.Identity.Data.IdentityDbContext;
using IdentityProgram = identity::Program;
using Membership = identity::Platform.Identity.Domain.Membership;
using PlatformUser = identity::Platform.Identity.Domain.PlatformUser;

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
    public const string OperatorPassword = "Operator-Dev-2026!";
    public const string DemoPassword = "Demo-Dev-2026!";
    public const string MemberPassword = "Member-Test-2026!";

    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"gongzhi-districts-keys-{Guid.NewGuid():N}");
    private TestDatabase? _identityDatabase;
    private TestDatabase? _districtsDatabase;
    private TestVirtualHost? _virtualHost;
    private IBusControl? _recorderBus;

    public WebApplicationFactory<IdentityProgram> Identity { get; private set; } = null!;

    public WebApplicationFactory<Program> Districts { get; private set; } = null!;

    /// <summary>Every event the recorder received, newest last.</summary>
    public ConcurrentQueue<IIntegrationEvent> Events { get; } = new();

    public string DistrictsConnectionString => _districtsDatabase!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgres = await SharedServers.PostgresAsync();
        _identityDatabase = await postgres.CreateDatabaseAsync("identity", cancellationToken);
        _districtsDatabase = await postgres.CreateDatabaseAsync("districts", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);

        _recorderBus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(_virtualHost.ConnectionString));
            rabbit.ReceiveEndpoint("districts-tests-recorder", endpoint =>
            {
                Record<DistrictOnboardedIntegrationEvent>(endpoint);
                Record<DistrictStatusChangedIntegrationEvent>(endpoint);
                Record<TerritoryNodeAddedIntegrationEvent>(endpoint);
                Record<TerritoryNodeRenamedIntegrationEvent>(endpoint);
                Record<TerritoryNodeAttributesChangedIntegrationEvent>(endpoint);
                Record<TerritoryNodeMovedIntegrationEvent>(endpoint);
                Record<TerritoryNodeRetiredIntegrationEvent>(endpoint);
            });
        });
        await _recorderBus.StartAsync(cancellationToken);

        Identity = new WebApplicationFactory<IdentityProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:identitydb", _identityDatabase.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost.ConnectionString);
            web.UseSetting("Identity:KeyDirectory", _keyDirectory);
            web.UseSetting("Identity:Issuer", "http://localhost/");
            web.UseSetting("Messaging:RetryLimit", "1");
        });
        _ = Identity.Server;

        Districts = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:districtsdb", _districtsDatabase.ConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", _virtualHost.ConnectionString);
            web.UseSetting("Identity:Authority", "http://localhost/");
            web.UseSetting("Messaging:RetryLimit", "1");
            web.UseSetting("Imports:PollInterval", "00:00:00.500");
            // Token metadata and the administrator API are served by the in-memory identity service.
            web.ConfigureServices(services =>
            {
                services.AddHttpClient("identity-metadata").ConfigurePrimaryHttpMessageHandler(() => Identity.Server.CreateHandler());
                services.AddHttpClient(IdentityAdminClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Server.CreateHandler());
            });
        });
        _ = Districts.Server;
    }

    private void Record<TEvent>(IReceiveEndpointConfigurator endpoint)
        where TEvent : class, IIntegrationEvent =>
        endpoint.Handler<TEvent>(context =>
        {
            Events.Enqueue(context.Message);
            return Task.CompletedTask;
        });

    /// <summary>Waits until the recorder has an event of <typeparamref name="TEvent"/> matching <paramref name="match"/>.</summary>
    public async Task<TEvent> RecordedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : IIntegrationEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Events.OfType<TEvent>().FirstOrDefault(match) is { } recorded)
            {
                return recorded;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {typeof(TEvent).Name} matching the test arrived within 30 s.");
    }

    /// <summary>A token from the identity service through the password grant; null when refused.</summary>
    public async Task<string?> TryTokenAsync(string login, string password, string tenant)
    {
        using var client = Identity.CreateClient();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "platform-cli",
            ["username"] = login,
            ["password"] = password,
            ["tenant"] = tenant,
            ["scope"] = "openid api",
        }), TestContext.Current.CancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return body.GetProperty("access_token").GetString();
    }

    public async Task<string> TokenAsync(string login, string password, string tenant) =>
        await TryTokenAsync(login, password, tenant) ?? throw new InvalidOperationException($"No token for {login} in {tenant}.");

    public Task<string> OperatorTokenAsync() => TokenAsync("operator", OperatorPassword, "system");

    public Task<string> DemoTokenAsync(string role) => TokenAsync($"demo-{role}", DemoPassword, DemoDistrict.Identifier);

    /// <summary>A client of the districts service that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Client(string accessToken)
    {
        var client = Districts.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates, directly in Identity, a member of <paramref name="tenant"/> with a role scoped to a node; returns a token for them.</summary>
    public async Task<string> MemberTokenAsync(TenantInfo tenant, string role, Guid? scopeNodeId)
    {
        var login = $"t-{Guid.NewGuid():N}"[..20];
        await using (var scope = Identity.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "test");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = PlatformUser.Create(login, "测试用户", null, DateTimeOffset.UtcNow);
            var created = await users.CreateAsync(user, MemberPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.Memberships.Add(Membership.Grant(user.Id, [role], scopeNodeId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        return await TokenAsync(login, MemberPassword, tenant.Identifier);
    }

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

        if (_recorderBus is not null)
        {
            await _recorderBus.StopAsync();
        }

        foreach (var resource in new IAsyncDisposable?[] { _virtualHost, _districtsDatabase, _identityDatabase })
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }

        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}
