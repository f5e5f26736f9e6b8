using Microsoft.AspNetCore.TestHost;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A minimal service on the platform's defaults, in memory, with the endpoints a test maps.</summary>
internal static class TestApp
{
    public static async Task<(WebApplication App, HttpClient Client)> StartAsync(string environment, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        builder.Services.AddValidation();
        var app = builder.Build();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.GetTestClient());
    }
}
