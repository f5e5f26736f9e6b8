using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A minimal service on the platform's defaults, with the endpoints a test maps.</summary>
internal static class TestApp
{
    /// <summary>Starts the service in memory.</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(
        string environment, Action<WebApplication> map, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = Build(environment, map, settings, builder => builder.WebHost.UseTestServer());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.GetTestClient());
    }

    /// <summary>Starts the service on Kestrel and a loopback port, for what the real server does before the app sees a request.</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartOnKestrelAsync(Action<WebApplication> map)
    {
        var app = Build("Development", map, settings: null, builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static WebApplication Build(
        string environment, Action<WebApplication> map, IReadOnlyDictionary<string, string?>? settings, Action<WebApplicationBuilder> server)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        server(builder);
        builder.AddServiceDefaults();
        builder.Services.AddValidation();
        var app = builder.Build();
        map(app);
        return app;
    }
}
