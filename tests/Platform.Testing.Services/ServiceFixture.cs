using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.Testing.Identity;
using Platform.TerritoryReplica;
using Xunit;

namespace Platform.Testing.Services;

/// <summary>
/// A service under test as it runs in development: in memory, on a fresh PostgreSQL database, connected to a fresh
/// RabbitMQ virtual host that it shares with the real identity service (in memory, on its own database, issuing the
/// tokens) and with a recorder that keeps the events the test asks for and publishes as other services would.
/// </summary>
/// <remarks>
/// A service's fixture derives from this, names the service, and overrides only what is particular to it: the events
/// to record, its settings, and what it needs arranged once it runs.
/// </remarks>
/// <typeparam name="TProgram">The service's entry point.</typeparam>
/// <typeparam name="TContext">The service's database context.</typeparam>
/// <param name="serviceName">The service's short name: the connection string <c>{serviceName}db</c>, the recorder's queue.</param>
public abstract class ServiceFixture<TProgram, TContext>(string serviceName) : IAsyncLifetime
    where TProgram : class
    where TContext : DbContext
{
    private readonly List<IAsyncDisposable> _resources = [];
    private EventRecorder? _recorder;

    /// <summary>The demo district that identity (and the Districts service) seed in development.</summary>
    public static TenantInfo Demo { get; } = new(DemoDistrict.Id, DemoDistrict.Identifier, DemoDistrict.Name, TenantStatus.Active, new Dictionary<string, string>());

    /// <summary>A second district, for tenant-isolation tests; a fixture onboards it in its arrangements.</summary>
    public static TenantInfo Other { get; } = new(Guid.Parse("0000000a-0000-0000-0000-0000000000b2"), "other-district", "别的区", TenantStatus.Active, new Dictionary<string, string>());

    /// <summary>The service's short name, e.g. <c>residents</c>.</summary>
    public string ServiceName { get; } = serviceName;

    /// <summary>The identity service that issues the tokens.</summary>
    public IdentityTestHost Identity { get; private set; } = null!;

    /// <summary>The virtual host the service, identity and the recorder share.</summary>
    public TestVirtualHost VirtualHost { get; private set; } = null!;

    /// <summary>The service under test.</summary>
    public ServiceInstance<TProgram, TContext> Service { get; private set; } = null!;

    /// <summary>The recorder's bus: publishes as another service would.</summary>
    public IBus Bus => _recorder!.Bus;

    /// <summary>Every recorded event, oldest first.</summary>
    public IEnumerable<IIntegrationEvent> Events => _recorder!.Events;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var postgres = await SharedServers.PostgresAsync();
        var identityDatabase = Track(await postgres.CreateDatabaseAsync("identity", cancellationToken));
        VirtualHost = Track(await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken));
        _recorder = Track(await EventRecorder.StartAsync(VirtualHost, $"{ServiceName}-tests-recorder", RecordEvents));
        Identity = Track(IdentityTestHost.Start(identityDatabase, VirtualHost));
        Service = await StartInstanceAsync();
        await ArrangeAsync(cancellationToken);
    }

    /// <summary>
    /// Starts another instance of the service on a new, empty database, with the same settings, trusting the same
    /// identity service. On the fixture's virtual host (the default) it shares the service's queues with the first
    /// instance, as a second replica would; give it a virtual host of its own to keep their messages apart.
    /// The fixture disposes of it at the end; a test may dispose of it earlier.
    /// </summary>
    public async Task<ServiceInstance<TProgram, TContext>> StartInstanceAsync(TestVirtualHost? virtualHost = null)
    {
        var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync(ServiceName, TestContext.Current.CancellationToken);
        return Start(database.ConnectionString, database, virtualHost ?? VirtualHost, configure: null);
    }

    /// <summary>
    /// Starts another replica of the service: on the first instance's database and the fixture's virtual host, with the
    /// same settings, as a second pod of one Deployment runs. <paramref name="configure"/> adds to this replica alone.
    /// The fixture disposes of it at the end (the database stays the first instance's); a test may dispose of it earlier.
    /// </summary>
    public ServiceInstance<TProgram, TContext> StartReplica(Action<IWebHostBuilder>? configure = null) =>
        Start(Service.ConnectionString, ownDatabase: null, VirtualHost, configure);

    private ServiceInstance<TProgram, TContext> Start(string connectionString, TestDatabase? ownDatabase, TestVirtualHost bus, Action<IWebHostBuilder>? configure)
    {
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting($"ConnectionStrings:{ServiceName}db", connectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", bus.ConnectionString);
            web.UseSetting("Identity:Authority", IdentityTestHost.Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            // Import workers (where a service has them) pick up queued jobs quickly.
            web.UseSetting("Imports:PollInterval", "00:00:00.500");
            web.ConfigureServices(Identity.Trust);
            Configure(web);
            configure?.Invoke(web);
        });
        var instance = Track(new ServiceInstance<TProgram, TContext>(factory, connectionString, ownDatabase));
        _ = factory.Server;
        return instance;
    }

    /// <summary>Registers the event types the recorder keeps.</summary>
    protected virtual void RecordEvents(EventRecorder.Registrations events)
    {
    }

    /// <summary>Adds the service's own settings and test services; called for every instance.</summary>
    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    /// <summary>Arranges what every test of the service expects, once the service runs.</summary>
    protected virtual Task ArrangeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Publishes <paramref name="tenant"/>'s onboarding as the Districts service would, and waits until the service's
    /// tenant catalogue knows the district (it answers <c>tenant_not_found</c> before).
    /// </summary>
    protected async Task OnboardAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await Bus.Publish(new DistrictOnboardedIntegrationEvent { TenantId = tenant.Id, Identifier = tenant.Identifier, Name = tenant.Name }, cancellationToken);
        await WaitUntilAsync(async db => await db.Set<TenantRecord>().AnyAsync(t => t.Id == tenant.Id, cancellationToken), tenant: null);
    }

    /// <summary>
    /// Publishes a tree's nodes as the Districts service would, and waits until the service's territory replica has the
    /// last of them (the replica applies them in order). The service must keep a territory replica.
    /// </summary>
    public Task PublishTreeAsync(TerritoryTreeEvents tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return PublishNodesAsync(tree.Tenant, tree.Events, cancellationToken);
    }

    /// <summary>
    /// Publishes some nodes of <paramref name="tenant"/>'s tree (those a test adds to a tree published before), parents
    /// first, and waits until the service's territory replica has the last of them.
    /// </summary>
    public async Task PublishNodesAsync(TenantInfo tenant, IReadOnlyList<TerritoryNodeAddedIntegrationEvent> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        foreach (var node in nodes)
        {
            await Bus.Publish(node, cancellationToken);
        }

        var last = nodes[^1].NodeId;
        await WaitUntilAsync(async db => await db.Set<TerritoryReplicaNode>().AnyAsync(n => n.Id == last, cancellationToken), tenant);
    }

    /// <summary>Waits until the recorder has an event of <typeparamref name="TEvent"/> matching <paramref name="match"/>.</summary>
    public Task<TEvent> RecordedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : IIntegrationEvent => _recorder!.RecordedAsync(match);

    /// <summary>A client of the service that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Client(string accessToken) => Service.Client(accessToken);

    /// <summary>A client for a new member of <paramref name="tenant"/> (default: the demo district) with <paramref name="role"/> scoped to <paramref name="scopeNodeId"/>.</summary>
    public async Task<HttpClient> MemberClientAsync(string role, Guid? scopeNodeId = null, TenantInfo? tenant = null) =>
        Client(await Identity.MemberTokenAsync(tenant ?? Demo, role, scopeNodeId));

    /// <summary>A token for a new member of <paramref name="tenant"/> with <paramref name="role"/> scoped to <paramref name="scopeNodeId"/>.</summary>
    public Task<string> MemberTokenAsync(TenantInfo tenant, string role, Guid? scopeNodeId) => Identity.MemberTokenAsync(tenant, role, scopeNodeId);

    /// <summary>A token through the password grant; null when refused.</summary>
    public Task<string?> TryTokenAsync(string login, string password, string tenant) => Identity.TryTokenAsync(login, password, tenant);

    /// <summary>A token through the password grant.</summary>
    public Task<string> TokenAsync(string login, string password, string tenant) => Identity.TokenAsync(login, password, tenant);

    /// <summary>A token through the password grant once identity has learnt of a district just onboarded.</summary>
    public Task<string> TokenOnceKnownAsync(string login, string password, string tenant) => Identity.TokenOnceKnownAsync(login, password, tenant);

    /// <summary>The platform operator's token.</summary>
    public Task<string> OperatorTokenAsync() => Identity.OperatorTokenAsync();

    /// <summary>The token of the seeded demo user with <paramref name="role"/>.</summary>
    public Task<string> DemoTokenAsync(string role) => Identity.DemoTokenAsync(role);

    /// <summary>Polls the service's database (inside <paramref name="tenant"/>, if any) until <paramref name="condition"/> holds.</summary>
    public Task WaitUntilAsync(Func<TContext, Task<bool>> condition, TenantInfo? tenant) => Service.WaitUntilAsync(condition, tenant);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Services first, the servers' databases and virtual host last: the reverse of the order they were made in.
        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            await _resources[i].DisposeAsync();
        }

        _resources.Clear();
        GC.SuppressFinalize(this);
    }

    private T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }
}
