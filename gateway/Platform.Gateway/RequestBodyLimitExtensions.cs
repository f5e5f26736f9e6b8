using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.Gateway;

/// <summary>The largest request body the gateway accepts, in bytes (<c>Gateway:MaxRequestBodySize</c>, default 20 MiB).</summary>
internal static class RequestBodyLimitExtensions
{
    private const string MaxRequestBodySizeKey = "MaxRequestBodySize";
    private const string RejectedCode = "request_too_large";

    private const long DefaultMaxRequestBodySize = 20 * 1024 * 1024;

    public static WebApplicationBuilder AddRequestBodyLimit(this WebApplicationBuilder builder)
    {
        // Kestrel enforces the limit while a body streams through the proxy, including bodies of unannounced length.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((options, configuration) =>
            options.Limits.MaxRequestBodySize = configuration.GetValue(
                $"{GatewayConfiguration.Section}:{MaxRequestBodySizeKey}", DefaultMaxRequestBodySize));
        return builder;
    }

    /// <summary>
    /// Refuses a body whose announced length is over Kestrel's limit before it is proxied, rather than opening a
    /// request to a service that is cut off half-way.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        return app.Use((context, next) => context.Request.ContentLength > limit
            ? ProblemResults.Problem(
                    StatusCodes.Status413PayloadTooLarge,
                    RejectedCode,
                    "Request body too large",
                    $"Request bodies are limited to {limit} bytes.")
                .ExecuteAsync(context)
            : next(context));
    }
}
