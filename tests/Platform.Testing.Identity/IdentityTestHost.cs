extern alias identity;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.MultiTenancy;
using Xunit;
using IdentityDbContext = identity::Platform.Identity.Data.IdentityDbContext;
using IdentityProgram = identity::Program;
using Membership = identity::Platform.Identity.Domain.Membership;
using PlatformUser = identity::Platform.Identity.Domain.PlatformUser;

namespace Platform.Testing.Identity;

/// <summary>
/// The real identity service, in memory, on its own database and the test's RabbitMQ virtual host, started as
/// in development (operator, demo district and demo users seeded), issuing the tokens other services' tests use.
/// </summary>
public sealed class IdentityTestHost : IAsyncDisposable
{
    public const string OperatorPassword = "Operator-Dev-2026!";
    public const string DemoPassword = "Demo-Dev-2026!";
    public const string MemberPassword = "Member-Test-2026!";

    /// <summary>The name of the HTTP client through which services fetch the token issuer's metadata.</summary>
    public const string MetadataClientName = "identity-metadata";

    /// <summary>The issuer the tokens name, which services under test trust as <c>Identity:Authority</c>.</summary>
    public const string Issuer = "http://localhost/";

    private readonly string _databaseConnectionString;
    private readonly string _rabbitMqConnectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _keyDirectory;
    private readonly bool _ownsKeyDirectory;

    private IdentityTestHost(string databaseConnectionString, string rabbitMqConnectionString, IReadOnlyDictionary<string, string?> settings, string? sharedKeyDirectory)
    {
        _databaseConnectionString = databaseConnectionString;
        _rabbitMqConnectionString = rabbitMqConnectionString;
        _settings = settings;
        _ownsKeyDirectory = sharedKeyDirectory is null;
        _keyDirectory = sharedKeyDirectory ?? Path.Combine(Path.GetTempPath(), $"gongzhi-test-keys-{Guid.NewGuid():N}");
        Factory = new WebApplicationFactory<IdentityProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:identitydb", databaseConnectionString);
            web.UseSetting("ConnectionStrings:rabbitmq", rabbitMqConnectionString);
            web.UseSetting("Identity:KeyDirectory", _keyDirectory);
            web.UseSetting("Identity:Issuer", Issuer);
            web.UseSetting("Messaging:RetryLimit", "1");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        _ = Factory.Server;
    }

    /// <summary>The in-memory identity service.</summary>
    public WebApplicationFactory<IdentityProgram> Factory { get; }

    /// <summary>Starts identity on <paramref name="database"/>, connected to <paramref name="virtualHost"/>, with extra <paramref name="settings"/> (a variant such as the password grant switched off).</summary>
    public static IdentityTestHost Start(TestDatabase database, TestVirtualHost virtualHost, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(virtualHost);
        return new IdentityTestHost(database.ConnectionString, virtualHost.ConnectionString, settings ?? new Dictionary<string, string?>(), sharedKeyDirectory: null);
    }

    /// <summary>
    /// Starts another replica of this identity service, as a second pod of one Deployment runs: on the same database
    /// and virtual host, with the same settings and the same signing keys (on Kubernetes, one Secret). The caller
    /// disposes of it; the keys stay this host's.
    /// </summary>
    public IdentityTestHost StartReplica() =>
        new(_databaseConnectionString, _rabbitMqConnectionString, _settings, _keyDirectory);

    /// <summary>Lets a service under test reach this identity service (token metadata) in memory.</summary>
    public void Trust(IServiceCollection services) =>
        services.AddHttpClient(MetadataClientName).ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler());

    /// <summary>A token through the password grant; null when refused.</summary>
    public async Task<string?> TryTokenAsync(string login, string password, string tenant)
    {
        using var client = Factory.CreateClient();
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

    /// <summary>
    /// A token through the password grant once identity has learnt of <paramref name="tenant"/> (a district just
    /// onboarded reaches it by event); fails the test after <see cref="Eventually.DefaultTimeout"/>.
    /// </summary>
    public Task<string> TokenOnceKnownAsync(string login, string password, string tenant) =>
        Eventually.ReturnsAsync(() => TryTokenAsync(login, password, tenant), TestContext.Current.CancellationToken);

    /// <summary>A token through the password grant.</summary>
    public async Task<string> TokenAsync(string login, string password, string tenant) =>
        await TryTokenAsync(login, password, tenant) ?? throw new InvalidOperationException($"No token for {login} in {tenant}.");

    /// <summary>A genuine token of <paramref name="login"/> that expired <paramref name="expiredFor"/> ago.</summary>
    public async Task<string> ExpiredTokenAsync(string login, string password, string tenant, TimeSpan expiredFor) =>
        ExpiredTokens.Expire(await TokenAsync(login, password, tenant), _keyDirectory, expiredFor);

    /// <summary>
    /// Asserts that a service refuses the demo district administrator's genuine token a minute past its expiry
    /// at <paramref name="path"/> with 401 <c>invalid_token</c>, with and without the tenant header the gateway
    /// stamps (a tenant check must not hide the expiry behind a 403).
    /// </summary>
    public async Task AssertRefusesExpiredTokenAsync(Func<HttpClient> createClient, string path)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        var token = await ExpiredTokenAsync("demo-district-admin", DemoPassword, Districts.Contracts.DemoDistrict.Identifier, TimeSpan.FromSeconds(60));
        foreach (var withTenantHeader in new[] { false, true })
        {
            using var client = createClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            if (withTenantHeader)
            {
                client.DefaultRequestHeaders.Add("X-Tenant", Districts.Contracts.DemoDistrict.Identifier);
            }

            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            await response.AssertInvalidTokenAsync();
        }
    }

    /// <summary>The platform operator's token.</summary>
    public Task<string> OperatorTokenAsync() => TokenAsync("operator", OperatorPassword, "system");

    /// <summary>The token of the seeded demo user with <paramref name="role"/> (e.g. <c>district-admin</c>).</summary>
    public Task<string> DemoTokenAsync(string role) => TokenAsync($"demo-{role}", DemoPassword, Districts.Contracts.DemoDistrict.Identifier);

    /// <summary>Creates, directly in identity, a member of <paramref name="tenant"/> with a role scoped to a node; returns a token for them.</summary>
    public async Task<string> MemberTokenAsync(TenantInfo tenant, string role, Guid? scopeNodeId) =>
        (await MemberAsync(tenant, role, scopeNodeId)).Token;

    /// <summary>Like <see cref="MemberTokenAsync"/>, also returning the member's user id (the token's subject).</summary>
    public async Task<(string UserId, string Token)> MemberAsync(TenantInfo tenant, string role, Guid? scopeNodeId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var login = $"t-{Guid.NewGuid():N}"[..20];
        Guid userId;
        await using (var scope = Factory.Services.CreateTenantScope(tenant, "test"))
        {
            userId = await CreateMemberAsync(scope.ServiceProvider, login, MemberPassword, role, scopeNodeId);
        }

        return (userId.ToString(), await TokenAsync(login, MemberPassword, tenant.Identifier));
    }

    /// <summary>
    /// Creates an account with one membership directly in identity's database, for arranging tests;
    /// <paramref name="tenantScope"/> is a service scope of the identity service that has entered the district.
    /// </summary>
    public static async Task<Guid> CreateMemberAsync(IServiceProvider tenantScope, string login, string password, string role, Guid? scopeNodeId)
    {
        ArgumentNullException.ThrowIfNull(tenantScope);
        var users = tenantScope.GetRequiredService<UserManager<PlatformUser>>();
        var user = PlatformUser.Create(login, "测试用户", null, DateTimeOffset.UtcNow);
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var db = tenantScope.GetRequiredService<IdentityDbContext>();
        db.Memberships.Add(Membership.Grant(user.Id, [role], scopeNodeId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_ownsKeyDirectory && Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}
