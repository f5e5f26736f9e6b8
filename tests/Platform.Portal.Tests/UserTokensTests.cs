using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Portal.Session;

namespace Platform.Portal.Tests;

/// <summary>
/// The session's access token is exchanged shortly before it expires, once however many pages ask, and a refused
/// refresh ends the session. The token server is a stand-in that counts the refreshes it is asked for.
/// </summary>
public sealed class UserTokensTests
{
    private static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(2);

    // The clock starts at the real time: the distributed cache beneath the session store expires entries by the
    // system clock, so a fixed date would make every stored session already gone once that date has passed.
    private readonly SettableClock _clock = new(TimeProvider.System.GetUtcNow());
    private readonly TokenServer _tokenServer = new();
    private readonly SessionTicketStore _sessions;
    private readonly UserTokens _tokens;

    public UserTokensTests()
    {
        _sessions = new SessionTicketStore(
            new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new EphemeralDataProtectionProvider(), _clock);
        var oidc = new ServiceCollection();
        oidc.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure(options =>
            options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { TokenEndpoint = "http://identity.test/connect/token" }));
        var portal = Options.Create(new PortalOptions { RefreshBeforeExpiry = RefreshBeforeExpiry });
        var client = new TokenClient(
            new HttpClient(_tokenServer), oidc.BuildServiceProvider().GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>(), portal, NullLogger<TokenClient>.Instance);
        _tokens = new UserTokens(_sessions, client, portal, _clock);
    }

    [Fact]
    public async Task AccessToken_FarFromExpiry_IsTheStoredOneAndTheTokenServerIsNotAsked()
    {
        var user = await SignInAsync(expiresIn: TimeSpan.FromMinutes(30));

        var token = await _tokens.AccessTokenAsync(user, CancellationToken.None);

        Assert.Equal("access-0", token);
        Assert.Equal(0, _tokenServer.Refreshes);
    }

    [Fact]
    public async Task AccessToken_InsideTheRefreshWindow_IsExchangedAndTheNewTokensAreKept()
    {
        var user = await SignInAsync(expiresIn: RefreshBeforeExpiry - TimeSpan.FromSeconds(1));

        var first = await _tokens.AccessTokenAsync(user, CancellationToken.None);
        var second = await _tokens.AccessTokenAsync(user, CancellationToken.None);

        Assert.Equal("access-1", first);
        Assert.Equal("access-1", second);
        Assert.Equal(["refresh-0"], _tokenServer.RefreshTokensSeen);
        // The token server rolls refresh tokens: the next refresh must present the new one.
        Assert.Equal("refresh-1", await _tokens.RefreshTokenAsync(user));
    }

    [Fact]
    public async Task AccessToken_ManyPagesAskAtOnceWhenDue_TheTokenIsRefreshedOnce()
    {
        var user = await SignInAsync(expiresIn: TimeSpan.FromSeconds(10));
        _tokenServer.Delay = TimeSpan.FromMilliseconds(200);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _tokens.AccessTokenAsync(user, CancellationToken.None)));

        Assert.All(tokens, token => Assert.Equal("access-1", token));
        Assert.Equal(1, _tokenServer.Refreshes);
    }

    [Fact]
    public async Task AccessToken_RefreshRefused_EndsTheSession()
    {
        var user = await SignInAsync(expiresIn: TimeSpan.FromSeconds(10));
        _tokenServer.Refuse = true;

        var token = await _tokens.AccessTokenAsync(user, CancellationToken.None);

        Assert.Null(token);
        Assert.Null(await _sessions.RetrieveAsync(SessionTicketStore.KeyOf(user)!));
    }

    [Fact]
    public async Task AccessToken_SessionExpired_IsNoneAndTheTokenServerIsNotAsked()
    {
        var user = await SignInAsync(expiresIn: TimeSpan.FromMinutes(30), sessionLifetime: TimeSpan.FromMinutes(5));
        _clock.Now += TimeSpan.FromMinutes(6);

        Assert.Null(await _tokens.AccessTokenAsync(user, CancellationToken.None));
        Assert.Equal(0, _tokenServer.Refreshes);
    }

    private async Task<ClaimsPrincipal> SignInAsync(TimeSpan expiresIn, TimeSpan? sessionLifetime = null)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = _clock.Now + (sessionLifetime ?? TimeSpan.FromHours(8)) };
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = UserTokens.AccessToken, Value = "access-0" },
            new AuthenticationToken { Name = UserTokens.RefreshToken, Value = "refresh-0" },
            new AuthenticationToken { Name = UserTokens.IdToken, Value = "id-0" },
            new AuthenticationToken { Name = UserTokens.ExpiresAt, Value = (_clock.Now + expiresIn).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user-1")], "test"));
        await _sessions.StoreAsync(new AuthenticationTicket(principal, properties, "Cookies"));
        return principal;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Answers refresh-token grants with numbered tokens, or refuses them as a revoked token is refused.</summary>
    private sealed class TokenServer : HttpMessageHandler
    {
        private int _refreshes;

        public int Refreshes => _refreshes;

        public List<string> RefreshTokensSeen { get; } = [];

        public bool Refuse { get; set; }

        public TimeSpan Delay { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                .Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
            Assert.Equal("refresh_token", form["grant_type"]);
            lock (RefreshTokensSeen)
            {
                RefreshTokensSeen.Add(form["refresh_token"]);
            }

            var number = Interlocked.Increment(ref _refreshes);
            await Task.Delay(Delay, cancellationToken);
            return Refuse
                ? new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant"}""", Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(
                        $$"""{"access_token":"access-{{number}}","refresh_token":"refresh-{{number}}","id_token":"id-{{number}}","expires_in":1800,"token_type":"Bearer"}""",
                        Encoding.UTF8,
                        "application/json"),
                };
        }
    }
}
