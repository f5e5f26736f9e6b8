using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;

namespace Platform.Benchmarks;

/// <summary>
/// Runs a service in the benchmark's process as it runs when deployed (Production environment, warnings-only
/// logging, its real authentication trusting <see cref="BenchmarkTokens"/>) and drives its import endpoints.
/// </summary>
public static class BenchmarkHost
{
    /// <summary>
    /// The service of <typeparamref name="TProgram"/>, whose project is at <paramref name="projectDirectory"/>
    /// (relative to the repository), configured further by <paramref name="configure"/> (connection strings).
    /// </summary>
    public static WebApplicationFactory<TProgram> Service<TProgram>(string projectDirectory, Action<IWebHostBuilder> configure)
        where TProgram : class =>
        new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSolutionRelativeContentRoot(projectDirectory, "Platform.sln");
            web.UseSetting("Identity:Authority", BenchmarkTokens.Issuer);
            web.UseSetting("Imports:PollInterval", "00:00:00.200");
            // appsettings.json asks for Information; the benchmark prints its own figures and wants only trouble.
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            web.ConfigureServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, BenchmarkTokens.Trust));
            configure(web);
        });

    /// <summary>Puts <paramref name="tenant"/> in the service's tenant catalogue, as onboarding the district would.</summary>
    public static async Task OnboardAsync<TProgram>(this WebApplicationFactory<TProgram> service, TenantInfo tenant)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(service);
        await using var scope = service.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ITenantCatalogWriter>().UpsertAsync(tenant, DateTimeOffset.UtcNow);
    }

    /// <summary>A client of the service acting as a district admin of <paramref name="tenant"/>.</summary>
    public static HttpClient DistrictAdminClient<TProgram>(this WebApplicationFactory<TProgram> service, TenantInfo tenant)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tenant);
        var client = service.CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkTokens.DistrictAdmin(tenant.Id, tenant.Identifier));
        return client;
    }

    /// <summary>
    /// Uploads <paramref name="file"/> to the import endpoints at <paramref name="prefix"/> and polls its job until it
    /// has finished; returns the time from the start of the upload to the finished job. Throws when the job failed.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, JsonElement Job)> TimedImportAsync(this HttpClient client, string prefix, byte[] file, string fileName)
    {
        ArgumentNullException.ThrowIfNull(client);
        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        using var upload = await client.PostAsync(new Uri(prefix, UriKind.Relative), form);
        upload.EnsureSuccessStatusCode();
        var location = upload.Headers.Location!;
        var job = await upload.Content.ReadFromJsonAsync<JsonElement>();
        while (job.GetProperty("state").GetString() is "queued" or "running")
        {
            await Task.Delay(20);
            job = await client.GetFromJsonAsync<JsonElement>(location);
        }

        watch.Stop();
        if (job.GetProperty("state").GetString() != "succeeded")
        {
            throw new InvalidOperationException($"The import failed: {job}");
        }

        return (watch.Elapsed, job);
    }

    /// <summary>A finished job's summary on one line: <c>added 3, updated 1</c>.</summary>
    public static string Summary(JsonElement job) =>
        string.Join(", ", job.GetProperty("summary").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetInt32():N0}"));
}
