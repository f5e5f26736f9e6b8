using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.Identity.Data;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.TerritoryReplica;
using Platform.Testing;
using Platform.Testing.Identity;

namespace Platform.Identity.Tests;

/// <summary>
/// The identity service on a fresh PostgreSQL database and RabbitMQ virtual host, started the way it runs in
/// development (operator and demo district seeded), plus a second district and a small territory:
/// street North (with community N1) and street South, in the demo district.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string DemoPassword = IdentityTestHost.DemoPassword;
    public const string OperatorPassword = IdentityTestHost.OperatorPassword;
    public const string MemberPassword = IdentityTestHost.MemberPassword;

    private TestDatabase? _database;
    private TestVirtualHost? _virtualHost;
    private IdentityTestHost? _host;

    public WebApplicationFactory<Program> Factory => _host!.Factory;

    public TenantInfo Demo { get; } = new(DemoDistrict.Id, DemoDistrict.Identifier, DemoDistrict.Name, TenantStatus.Active, new Dictionary<string, string>());

    public TenantInfo Other { get; } = new(Guid.CreateVersion7(), "other", "其他区", TenantStatus.Active, new Dictionary<string, string>());

    public Guid NorthStreet { get; } = Guid.CreateVersion7();

    public Guid NorthCommunity { get; } = Guid.CreateVersion7();

    public Guid SouthStreet { get; } = Guid.CreateVersion7();

    public string DatabaseConnectionString => _database!.ConnectionString;

    /// <summary>Extra settings for a fixture variant, applied before the service starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("identity", cancellationToken);
        _virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(cancellationToken);
        _host = IdentityTestHost.Start(_database, _virtualHost, Settings);

        await InScopeAsync(Other, async services =>
            await services.GetRequiredService<ITenantCatalogWriter>().UpsertAsync(Other, DateTimeOffset.UtcNow, cancellationToken));
        await InScopeAsync(Demo, async services =>
        {
            var db = services.GetRequiredService<IdentityDbContext>();
            db.TerritoryNodes.AddRange(
                new TerritoryReplicaNode { Id = NorthStreet, Path = $"/{NorthStreet}/" },
                new TerritoryReplicaNode { Id = NorthCommunity, Path = $"/{NorthStreet}/{NorthCommunity}/" },
                new TerritoryReplicaNode { Id = SouthStreet, Path = $"/{SouthStreet}/" });
            await db.SaveChangesAsync(cancellationToken);
        });
    }

    /// <summary>Runs <paramref name="action"/> in a service scope that has entered <paramref name="tenant"/>.</summary>
    public async Task InScopeAsync(TenantInfo tenant, Func<IServiceProvider, Task> action)
    {
        await using var scope = Factory.Services.CreateTenantScope(tenant, "test");
        await action(scope.ServiceProvider);
    }

    /// <summary>Creates an account with a membership directly, for arranging tests.</summary>
    public async Task<Guid> CreateMemberAsync(TenantInfo tenant, string role, Guid? scopeNodeId = null, string? login = null)
    {
        var id = Guid.Empty;
        await InScopeAsync(tenant, async services =>
            id = await IdentityTestHost.CreateMemberAsync(services, login ?? $"t-{Guid.NewGuid():N}"[..20], MemberPassword, role, scopeNodeId));
        return id;
    }

    /// <summary>A second replica of the identity service on the same database, virtual host and keys; the caller disposes of it.</summary>
    public IdentityTestHost StartReplica() => _host!.StartReplica();

    public HttpClient CreateClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts a token request; returns the status and the JSON answer.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> RequestTokenAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    /// <summary>The password grant through <c>platform-cli</c>.</summary>
    public Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PasswordTokenAsync(string login, string password, string? tenant, string scope = "openid offline_access api")
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("client_id", "platform-cli"),
            new("username", login),
            new("password", password),
            new("scope", scope),
        };
        if (tenant is not null)
        {
            form.Add(new("tenant", tenant));
        }

        return RequestTokenAsync(form);
    }

    /// <summary>An access token for a seeded or created user; fails the test if none is issued.</summary>
    public async Task<string> AccessTokenAsync(string login, string password, string tenant)
    {
        var (status, body) = await PasswordTokenAsync(login, password, tenant);
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A genuine access token of <paramref name="login"/> that expired <paramref name="expiredFor"/> ago.</summary>
    public Task<string> ExpiredAccessTokenAsync(string login, string password, string tenant, TimeSpan expiredFor) =>
        _host!.ExpiredTokenAsync(login, password, tenant, expiredFor);

    /// <summary>A client that sends <paramref name="accessToken"/> as bearer token.</summary>
    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
