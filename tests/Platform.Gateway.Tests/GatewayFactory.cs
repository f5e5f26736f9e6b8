using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Platform.Gateway.Tests.GatewayFactory))]

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway in a test server, with every cluster pointed at one <see cref="EchoBackend"/>, trusting
/// <see cref="TestTokens"/>, and with small, known limits.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TenantDomain = "gongzhi.test";
    public const string PortalOrigin = "https://portal.gongzhi.test";
    public const int MaxRequestBodySize = 1024;

    private static readonly string[] Clusters = ["identity", "districts", "residents", "property", "socialorgs", "timebank", "partybuilding"];

    private readonly Lazy<HttpClient> _client;

    public GatewayFactory() => _client = new Lazy<HttpClient>(() => CreateClient());

    public EchoBackend Backend { get; } = new();

    public async ValueTask InitializeAsync() => await Backend.StartAsync();

    /// <summary>Sends a request as a client would, with a bearer token when one is given.</summary>
    public Task<HttpResponseMessage> SendAsync(string uri, string? token = null, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(_client.Value, HttpMethod.Get, uri, token, configure);

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string uri, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A copy of this gateway on real Kestrel over loopback, for what the test server does not do: measure bodies
    /// while they stream, and connect from a client address.
    /// </summary>
    public WebApplicationFactory<Program> StartOnKestrel()
    {
        var kestrel = WithWebHostBuilder(_ => { });
        kestrel.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        kestrel.StartServer();
        return kestrel;
    }

    public static async Task<EchoedRequest> ReadEchoAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<string?> ReadProblemCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        return problem!["code"].ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Backend.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var cluster in Clusters)
        {
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:{cluster}:Address", Backend.Address);
        }

        builder.UseSetting("Gateway:TenantHostDomains:0", TenantDomain);
        builder.UseSetting("Gateway:Cors:Origins:0", PortalOrigin);
        builder.UseSetting("Gateway:MaxRequestBodySize", MaxRequestBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Generous enough that the tests sharing this gateway never meet them; RateLimitingTests set their own.
        builder.UseSetting("Gateway:RateLimits:PerTenant:TokenLimit", "100000");
        builder.UseSetting("Gateway:RateLimits:PerClient:TokenLimit", "100000");

        builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TestTokens.Trust));
    }
}
