using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Property.Domain.Webhooks;

namespace Platform.Property.Features.Webhooks;

/// <summary>How one attempt went: the receiver's status, or why there was none.</summary>
/// <param name="StatusCode">The HTTP status, or null when no answer came.</param>
/// <param name="Error">Why it failed; null when the receiver answered 2xx.</param>
/// <param name="Took">How long it took.</param>
internal sealed record WebhookOutcome(int? StatusCode, string? Error, TimeSpan Took);

/// <summary>
/// Posts deliveries: the CloudEvent body as queued (<c>application/cloudevents+json</c>), signed
/// (<see cref="WebhookSignature"/>), with the delivery's id in <see cref="DeliveryHeader"/>. Its own client, not the
/// factory's: the platform's resilience handler would retry behind the schedule's back, and service discovery has no
/// business with integrators' hosts. Connections go only where <see cref="WebhookNetworkPolicy"/> allows.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    /// <summary>The header with the delivery's id (the same on every attempt of the delivery).</summary>
    public const string DeliveryHeader = "Gongzhi-Delivery";

    private static readonly MediaTypeHeaderValue CloudEventsJson = new("application/cloudevents+json") { CharSet = "utf-8" };

    private readonly HttpClient _http;

    public WebhookSender(WebhookNetworkPolicy policy, IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = policy.ConnectAsync, AllowAutoRedirect = false, UseProxy = false, UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = options.Value.Timeout,
        })
        {
            Timeout = options.Value.Timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Gongzhi-Webhooks/1.0");
    }

    /// <summary>Posts <paramref name="delivery"/> to <paramref name="url"/>, signed with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public async Task<WebhookOutcome> SendAsync(string url, string secret, WebhookDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = CloudEventsJson;
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, at, body));
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookOutcome(status, response.IsSuccessStatusCode ? null : $"The receiver answered {status}.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException exception)
        {
            var cause = exception.InnerException is WebhookAddressRefusedException refused ? refused.Message : exception.Message;
            return new WebhookOutcome(null, cause, Stopwatch.GetElapsedTime(started));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookOutcome(null, $"No answer within {_http.Timeout.TotalSeconds:0.#} s.", Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose() => _http.Dispose();
}
