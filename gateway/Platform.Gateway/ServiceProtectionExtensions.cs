using System.Globalization;
using System.Threading.RateLimiting;
using Platform.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// What stands between the gateway and a service that is overloaded or down. Each service instance gets at most
/// <see cref="ServiceProtectionSettings.MaxConcurrentRequests"/> requests at a time; the next ones wait in a short
/// queue, and beyond its length or its waiting time the caller gets a <c>503</c> with <c>Retry-After</c> at once.
/// Without this, a service that falls behind is sent ever more concurrent requests (the gateway opens a connection
/// for each), exhausts its database pool and fails them all, while the gateway runs out of sockets and memory.
/// A service that cannot be reached answers <c>503 service_unavailable</c> (not YARP's bare 502), and one that
/// does not answer in time <c>504 service_timeout</c>, both as problem details.
/// </summary>
internal static class ServiceProtectionExtensions
{
    private const string SettingsSection = "Services";

    public static WebApplicationBuilder AddServiceProtection(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection($"{GatewayConfiguration.Section}:{SettingsSection}").Get<ServiceProtectionSettings>()
            ?? new ServiceProtectionSettings();
        builder.Services.AddSingleton(new ServiceAdmission(settings));
        return builder;
    }

    /// <summary>The proxy pipeline: YARP's own steps with admission after a destination has been chosen.</summary>
    public static void UseServiceProtection(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
        var admission = proxy.ApplicationServices.GetRequiredService<ServiceAdmission>();
        proxy.Use(async (context, next) =>
        {
            if (!await admission.TryEnterAsync(context, next))
            {
                return;
            }

            await AnswerForwardingFailureAsync(context);
        });
    }

    private static async Task AnswerForwardingFailureAsync(HttpContext context)
    {
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } failure)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        switch (failure.Error)
        {
            case ForwarderError.Request or ForwarderError.NoAvailableDestinations:
                context.Response.Headers.RetryAfter = ServiceProtectionSettings.RetryAfterUnavailableSeconds.ToString(CultureInfo.InvariantCulture);
                await ProblemResults.Problem(
                        StatusCodes.Status503ServiceUnavailable, "service_unavailable", "Service unavailable",
                        $"The {service} service cannot be reached; retry after {ServiceProtectionSettings.RetryAfterUnavailableSeconds} s.")
                    .ExecuteAsync(context);
                break;
            case ForwarderError.RequestTimedOut:
                await ProblemResults.Problem(
                        StatusCodes.Status504GatewayTimeout, "service_timeout", "Service timeout",
                        $"The {service} service did not answer in time.")
                    .ExecuteAsync(context);
                break;
        }
    }

    /// <summary>One concurrency limit per service instance, so that each replica is protected on its own.</summary>
    private sealed class ServiceAdmission(ServiceProtectionSettings settings)
    {
        private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(destination =>
            RateLimitPartition.GetConcurrencyLimiter(destination, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = settings.MaxConcurrentRequests,
                QueueLimit = settings.QueueLength,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

        /// <summary>
        /// Runs <paramref name="next"/> (the forwarding) once the chosen instance has room, or answers 503; false
        /// when the request was answered here or its caller went away while it waited.
        /// </summary>
        public async Task<bool> TryEnterAsync(HttpContext context, Func<Task> next)
        {
            var proxy = context.GetReverseProxyFeature();
            // A WebSocket (the portal's interactive pages) holds its connection for as long as the page is open;
            // it would hold a permit as long, so it is not counted.
            if (proxy.AvailableDestinations is not [var destination] || context.WebSockets.IsWebSocketRequest)
            {
                await next();
                return true;
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            waiting.CancelAfter(settings.QueueTimeout);
            RateLimitLease lease;
            try
            {
                lease = await _limiter.AcquireAsync(Key(proxy.Cluster, destination), 1, waiting.Token);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return false;
            }
            catch (OperationCanceledException)
            {
                await RejectAsync(context, proxy.Cluster);
                return false;
            }

            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    await RejectAsync(context, proxy.Cluster);
                    return false;
                }

                await next();
                return true;
            }
        }

        private static string Key(ClusterModel cluster, DestinationState destination) => $"{cluster.Config.ClusterId}/{destination.DestinationId}";

        private static Task RejectAsync(HttpContext context, ClusterModel cluster)
        {
            context.Response.Headers.RetryAfter = ServiceProtectionSettings.RetryAfterBusySeconds.ToString(CultureInfo.InvariantCulture);
            return ProblemResults.Problem(
                    StatusCodes.Status503ServiceUnavailable, "service_busy", "Service busy",
                    $"The {cluster.Config.ClusterId} service is at capacity; retry after {ServiceProtectionSettings.RetryAfterBusySeconds} s.")
                .ExecuteAsync(context);
        }
    }

    /// <summary>The <c>Gateway:Services</c> configuration section.</summary>
    internal sealed class ServiceProtectionSettings
    {
        public const int RetryAfterBusySeconds = 1;

        public const int RetryAfterUnavailableSeconds = 5;

        /// <summary>
        /// Requests forwarded to one service instance at a time: below its database pool (100 connections), so
        /// that requests wait here, where waiting is cheap, rather than for a connection there.
        /// </summary>
        public int MaxConcurrentRequests { get; init; } = 64;

        /// <summary>Requests that may wait for a free place at one instance; the next one is answered 503 at once.</summary>
        public int QueueLength { get; init; } = 512;

        /// <summary>How long a request may wait for a free place before it is answered 503.</summary>
        public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(2);
    }
}
