using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Tests;

public sealed class PlatformStartupTests
{
    // Cold start: a new PostgreSQL cluster, a new RabbitMQ node, and health checks that poll every 5 seconds.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Start_WithFreshDataDirectory_EveryResourceBecomesHealthyAndGatewayAnswers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"gongzhi-apphost-{Guid.NewGuid():N}");
        try
        {
            // Own ports and data, so that a development platform running on this machine is left alone.
            var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
                [
                    $"--Platform:DataDirectory={dataDirectory}",
                    $"--Platform:Postgres:Port={FreeTcpPort()}",
                    $"--Platform:RabbitMq:Port={FreeTcpPort()}",
                    $"--Platform:Gateway:Port={FreeTcpPort()}",
                ],
                cancellationToken);
            // Disposal stops every process (the testing host waits for DCP's cleanup) before the data goes.
            await using var app = await appHost.BuildAsync(cancellationToken);
            await app.StartAsync(cancellationToken);

            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(StartupTimeout);
            // Explicit-start resources (such as the testing host's project rebuilders) never start on their own.
            var resources = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
                .Where(resource => !resource.HasAnnotationOfType<ExplicitStartupAnnotation>())
                .Select(resource => resource.Name)
                .ToList();
            await Task.WhenAll(resources.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, startup.Token)));

            using var gateway = app.CreateHttpClient("gateway");
            using var response = await gateway.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
