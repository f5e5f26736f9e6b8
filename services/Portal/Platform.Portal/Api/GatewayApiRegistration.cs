using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Api;

internal static class GatewayApiRegistration
{
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<GatewayApi>((services, http) =>
                http.BaseAddress = services.GetRequiredService<IOptions<PortalOptions>>().Value.Gateway)
            .RetryingReadsOnly(PortalOptions.From(builder.Configuration).ApiAttemptTimeout);
        return builder;
    }

    /// <summary>
    /// Replaces the defaults' resilience handler with one that retries reads only: a retried POST could file a demand
    /// twice or spend a refresh token twice. (RemoveAllResilienceHandlers is marked experimental; it is the
    /// library's way to replace the handler.) A write is given <paramref name="attemptTimeout"/> (30 s), not the
    /// standard 10 s per attempt: cutting a write short does not undo it, it only hides its outcome from the user.
    /// </summary>
    public static IHttpClientBuilder RetryingReadsOnly(this IHttpClientBuilder http, TimeSpan attemptTimeout)
    {
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.DisableForUnsafeHttpMethods();
                // A write gets one attempt, so that attempt may take as long as a whole retried read.
                resilience.AttemptTimeout.Timeout = attemptTimeout;
                resilience.TotalRequestTimeout.Timeout = attemptTimeout * 2;
                resilience.CircuitBreaker.SamplingDuration = attemptTimeout * 2;
            });
#pragma warning restore EXTEXP0001
        return http;
    }
}
