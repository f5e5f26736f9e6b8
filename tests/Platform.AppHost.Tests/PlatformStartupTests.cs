using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Tests;

/// <summary>
/// The whole platform as <c>./platform up</c> starts it, on its own ports and data folder so that a development
/// platform running on this machine is left alone.
/// </summary>
public sealed class RunningPlatform : IAsyncLifetime
{
    // Cold start: a new PostgreSQL cluster, a new RabbitMQ node, migrations, and health checks every 5 seconds.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"gongzhi-apphost-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<string> Resources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            [
                $"--Platform:DataDirectory={_dataDirectory}",
                $"--Platform:Postgres:Port={FreeTcpPort()}",
                $"--Platform:RabbitMq:Port={FreeTcpPort()}",
                $"--Platform:Gateway:Port={FreeTcpPort()}",
            ],
            cancellationToken);
        // Disposal stops every process (the testing host waits for DCP's cleanup) before the data goes.
        App = await appHost.BuildAsync(cancellationToken);
        await App.StartAsync(cancellationToken);

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(StartupTimeout);
        // Explicit-start resources (such as the testing host's project rebuilders) never start on their own.
        Resources = [.. App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => !resource.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Select(resource => resource.Name)];
        await Task.WhenAll(Resources.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, startup.Token)));
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class PlatformStartupTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithFreshDataDirectory_EveryResourceBecomesHealthyAndGatewayAnswers()
    {
        Assert.Contains("identity", platform.Resources);
        using var gateway = platform.App.CreateHttpClient("gateway");

        using var response = await gateway.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ThroughTheGateway_PasswordGrantThenProtectedCall_ServiceSeesTheTokensDistrict()
    {
        using var gateway = platform.App.CreateHttpClient("gateway");
        using var tokenResponse = await gateway.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("grant_type", "password"), new("client_id", "platform-cli"), new("username", "demo-district-admin"),
            new("password", "Demo-Dev-2026!"), new("tenant", "demo"), new("scope", "openid offline_access api"),
        ]), Cancellation);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // A forged district header must make no difference: the gateway replaces it with the token's district.
        request.Headers.Add("X-Tenant", "system");
        using var me = await gateway.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var view = await me.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("demo", view.GetProperty("tenant").GetString());
        Assert.Contains("district-admin", view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.Headers.Contains("X-Correlation-Id"));

        using var anonymous = await gateway.GetAsync(new Uri("/api/identity/me", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
