using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Platform.Portal.Api;

internal static class GatewayApiRegistration
{
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<GatewayApi>((services, http) =>
                http.BaseAddress = services.GetRequiredService<IOptions<PortalOptions>>().Value.Gateway)
            .RetryingReadsOnly();
        return builder;
    }

    /// <summary>
    /// Replaces the defaults' resilience handler with one that retries reads only: a retried POST could file a demand
    /// twice or spend a refresh token twice. (RemoveAllResilienceHandlers is marked experimental; it is the
    /// library's way to replace the handler.)
    /// </summary>
    public static IHttpClientBuilder RetryingReadsOnly(this IHttpClientBuilder http)
    {
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        return http;
    }
}
