using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Testing.AppHost;

/// <summary>
/// Starts the whole platform as <c>./platform up</c> does, on free ports and a data folder of its own, for the
/// browser journeys (<see cref="RunningPlatformBase{TAppHost}"/>) and for the benchmarks that measure it whole.
/// </summary>
public static class RunningPlatform
{
    // Cold start: a new PostgreSQL cluster, a new RabbitMQ node, migrations, and health checks every 5 seconds.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The started platform, once every resource is healthy; <paramref name="settings"/> are more AppHost arguments.</summary>
    public static async Task<DistributedApplication> StartAsync<TAppHost>(string dataDirectory, CancellationToken cancellationToken, params string[] settings)
        where TAppHost : class
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
            [
                $"--Platform:DataDirectory={dataDirectory}",
                $"--Platform:Postgres:Port={FreeTcpPort()}",
                $"--Platform:RabbitMq:Port={FreeTcpPort()}",
                $"--Platform:Gateway:Port={FreeTcpPort()}",
                .. settings,
            ],
            cancellationToken);
        // Disposal stops every process (the testing host waits for DCP's cleanup) before the data goes.
        var app = await appHost.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(StartupTimeout);
        await Task.WhenAll(ResourcesOf(app).Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, startup.Token)));
        return app;
    }

    /// <summary>The resources that start with the platform (explicit-start ones, such as the testing host's project rebuilders, never do).</summary>
    public static IReadOnlyList<string> ResourcesOf(DistributedApplication app) =>
        [.. app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => !resource.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Select(resource => resource.Name)];

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
