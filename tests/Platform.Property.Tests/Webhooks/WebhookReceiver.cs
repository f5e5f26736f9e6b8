using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Property.Tests.Webhooks;

/// <summary>A request the receiver got: when, its headers and its exact body.</summary>
public sealed record ReceivedWebhook(DateTimeOffset At, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A real HTTP server on the loopback (Kestrel on a free port) standing in for a property company's system: it
/// records every request and answers each path with the status a test sets (200 unless told otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The server's base address, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Starts a receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.Run(receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>A URL of this receiver with a path of its own.</summary>
    public string UrlFor(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Answers requests to <paramref name="path"/> with <paramref name="status"/> from now on.</summary>
    public void Answer(string path, HttpStatusCode status) => _answers[path] = (int)status;

    /// <summary>What was posted to <paramref name="path"/>.</summary>
    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. _received.Where(r => r.Path == path)];

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var path = context.Request.Path.Value ?? "";
        _received.Enqueue(new ReceivedWebhook(
            DateTimeOffset.UtcNow, path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
        context.Response.StatusCode = _answers.GetValueOrDefault(path, StatusCodes.Status200OK);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
