using Aspire.Hosting;
using Aspire.Hosting.Testing;
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
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"gongzhi-apphost-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public IReadOnlyList<string> Resources { get; private set; } = [];

    /// <summary>The gateway's address, the one public origin, as a browser reaches it (the testing host picks the port).</summary>
    public Uri PublicOrigin => App.GetEndpoint("gateway", "http");

    public async ValueTask InitializeAsync()
    {
        App = await RunningPlatform.StartAsync<TAppHost>(_dataDirectory, TestContext.Current.CancellationToken);
        Resources = RunningPlatform.ResourcesOf(App);
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
}
