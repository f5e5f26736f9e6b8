using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Platform.Testing.AppHost;

/// <summary>
/// The whole platform as <c>./platform up</c> starts it, on its own ports and data folder so that a development
/// platform running on this machine is left alone. A test project derives it once with its reference to the AppHost
/// (<c>Projects.Platform_AppHost</c>, generated in the project that references it).
/// </summary>
public abstract class RunningPlatformBase<TAppHost> : IAsyncLifetime
    where TAppHost : class
{
    // Cold start: a new PostgreSQL cluster, a new RabbitMQ node, migrations, and health checks every 5 seconds.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"gongzhi-apphost-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<string> Resources { get; private set; } = [];

    /// <summary>The gateway's address, the one public origin, as a browser reaches it (the testing host picks the port).</summary>
    public Uri PublicOrigin => App.GetEndpoint("gateway", "http");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
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

        GC.SuppressFinalize(this);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
