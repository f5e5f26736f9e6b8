using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Tests;

/// <summary>What a service behind the gateway received.</summary>
public sealed record EchoedRequest(
    string Path,
    string PathBase,
    string Host,
    string? Tenant,
    string? TenantId,
    string? CorrelationId,
    bool HasAuthorization);

/// <summary>
/// A stand-in for every service: a real Kestrel server on a free loopback port that answers each request with
/// what it received, so that the gateway forwards over real HTTP.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly ConcurrentQueue<EchoedRequest> _received = new();
    private WebApplication? _app;
    private TaskCompletionSource _release = NewRelease();

    /// <summary>A request whose path contains this waits for <see cref="ReleaseHeld"/> before it is answered.</summary>
    public const string HeldPathMarker = "/held/";

    public string Address { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            var request = context.Request;
            var echoed = new EchoedRequest(
                request.Path,
                request.PathBase,
                request.Host.Value ?? "",
                Header(request, "X-Tenant"),
                Header(request, "Tenant-Id"),
                Header(request, "X-Correlation-Id"),
                request.Headers.Authorization.Count > 0);
            _received.Enqueue(echoed);
            if (request.Path.Value?.Contains(HeldPathMarker, StringComparison.Ordinal) == true)
            {
                await _release.Task.WaitAsync(context.RequestAborted);
            }

            await context.Response.WriteAsJsonAsync(echoed, context.RequestAborted);
        });
        await _app.StartAsync();
        Address = _app.Urls.Single();
    }

    /// <summary>Answers the requests held so far; the next held ones wait for the next call.</summary>
    public void ReleaseHeld() => Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();

    /// <summary>Whether any request whose path contains <paramref name="marker"/> reached a service.</summary>
    public bool Received(string marker) => _received.Any(request => request.Path.Contains(marker, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
