using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Portal.Api;
using Platform.Portal.Data;
using Platform.Portal.Session;
using Platform.Testing;

namespace Platform.Portal.Tests;

/// <summary>
/// Two portal replicas on one portal database, as two pods behind the gateway: a user signed in on one continues on
/// the other, which reads the session (and calls the APIs with its token) and the cookie protected by the first,
/// and a session ended on one is ended on both. The sign-in is the cookie sign-in the OpenID Connect handler makes
/// after the code exchange; the real-browser journeys go through the token server's login page.
/// </summary>
public sealed class SharedSessionTests : IAsyncLifetime
{
    private const string AccessToken = "access-from-the-first-replica";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly RecordingGateway _gateway = new();
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _first;
    private WebApplicationFactory<Program>? _second;

    public async ValueTask InitializeAsync()
    {
        _database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("portal", Cancellation);
        // One after the other, as a rolling deployment starts them: the first creates the schema.
        _first = StartReplica();
        _ = _first.Services;
        _second = StartReplica();
        _ = _second.Services;
    }

    [Fact]
    public async Task Session_StartedOnOneReplica_IsContinuedOnTheOther_WithItsToken()
    {
        var cookie = await SignInAsync(_first!);
        using var second = Browser(_second!, cookie);

        var home = await second.GetStringAsync(new Uri("/", UriKind.Relative), Cancellation);
        using var workbench = await second.GetAsync(new Uri("/workbench/demands", UriKind.Relative), Cancellation);

        Assert.Contains("您好，张社工", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, workbench.StatusCode);
        // The second replica called the API with the token the first one stored.
        Assert.Contains(_gateway.Calls, call => call.Path.StartsWith("/api/demands", StringComparison.Ordinal) && call.Authorization == $"Bearer {AccessToken}");
    }

    [Fact]
    public async Task SignOut_OnOneReplica_EndsTheSessionOnTheOther()
    {
        var cookie = await SignInAsync(_first!);
        using var first = Browser(_first!, cookie);
        using var before = await first.GetAsync(new Uri("/", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await SignOutAsync(_second!, cookie);
        using var after = await first.GetAsync(new Uri("/", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(SignInEndpoints.SignInPagePath, after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sessions_AsStored_HoldNoTokenInTheClear_AndTheKeyRingIsInTheDatabase()
    {
        await SignInAsync(_first!);

        await using var db = await _first!.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Cancellation);
        var tickets = await db.Sessions.Select(s => s.Ticket).ToListAsync(Cancellation);
        Assert.NotEmpty(tickets);
        Assert.All(tickets, ticket => Assert.DoesNotContain(AccessToken, Encoding.UTF8.GetString(ticket), StringComparison.Ordinal));
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Session_PastItsExpiry_IsNotServed()
    {
        var cache = _second!.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>();
        var options = new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(-1) };

        await cache.SetAsync("expired-session", [1, 2, 3], options, Cancellation);
        await cache.SetAsync("current-session", [4, 5, 6], new() { AbsoluteExpiration = DateTimeOffset.UtcNow.AddHours(1) }, Cancellation);

        Assert.Null(await _first!.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>().GetAsync("expired-session", Cancellation));
        Assert.Equal([4, 5, 6], await _first.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>().GetAsync("current-session", Cancellation));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in (WebApplicationFactory<Program>?[])[_first, _second])
        {
            if (replica is not null)
            {
                await replica.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> StartReplica() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseEnvironment("Development");
        web.UseSetting($"ConnectionStrings:{PortalDatabase.ConnectionStringName}", _database!.ConnectionString);
        web.UseSetting("Portal:Gateway", "http://gateway.test/");
        web.ConfigureTestServices(services => services.AddHttpClient<GatewayApi>().ConfigurePrimaryHttpMessageHandler(() => _gateway));
    });

    private static HttpClient Browser(WebApplicationFactory<Program> replica, string cookie)
    {
        var client = replica.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs a community worker in on <paramref name="replica"/> and returns the session cookie it set.</summary>
    private static async Task<string> SignInAsync(WebApplicationFactory<Program> replica)
    {
        await using var scope = replica.Services.CreateAsyncScope();
        var context = Context(scope.ServiceProvider);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new(PortalRoles.NameClaim, "张社工"), new(PortalRoles.RoleClaim, PlatformRoleNames.CommunityWorker), new(PortalRoles.TenantClaim, "demo")],
            "oidc", PortalRoles.NameClaim, PortalRoles.RoleClaim));
        var session = new AuthenticationProperties();
        session.StoreTokens(
        [
            new AuthenticationToken { Name = UserTokens.AccessToken, Value = AccessToken },
            new AuthenticationToken { Name = UserTokens.RefreshToken, Value = "refresh-0" },
            new AuthenticationToken { Name = UserTokens.ExpiresAt, Value = DateTimeOffset.UtcNow.AddMinutes(30).ToString("o", CultureInfo.InvariantCulture) },
        ]);

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user, session);

        var set = context.Response.Headers.SetCookie.Single(header => header!.StartsWith(PortalSession.CookieName + "=", StringComparison.Ordinal))!;
        return set.Split(';')[0];
    }

    private static async Task SignOutAsync(WebApplicationFactory<Program> replica, string cookie)
    {
        await using var scope = replica.Services.CreateAsyncScope();
        var context = Context(scope.ServiceProvider);
        context.Request.Headers.Cookie = cookie;

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static DefaultHttpContext Context(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        return context;
    }

    /// <summary>The gateway: answers every API call with an empty page and records who called what.</summary>
    private sealed class RecordingGateway : HttpMessageHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, string? Authorization)> _calls = new();

        public IReadOnlyCollection<(string Path, string? Authorization)> Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _calls.Enqueue((request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"items":[],"page":1,"pageSize":50,"total":0}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
