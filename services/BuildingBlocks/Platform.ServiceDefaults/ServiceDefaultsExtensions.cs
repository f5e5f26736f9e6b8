using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Domain;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults;

/// <summary>
/// The cross-cutting defaults every Gongzhi service and the gateway start with: OpenTelemetry, health checks,
/// service discovery, resilient outgoing HTTP and RFC 7807 problem details.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The tag of health checks that tell whether the process is alive, as opposed to ready.</summary>
    public const string LiveTag = "live";

    /// <summary>The readiness endpoint: every health check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>The liveness endpoint: only checks tagged <see cref="LiveTag"/> run.</summary>
    public const string AlivePath = "/alive";

    // MassTransit names both its ActivitySource and its Meter after itself.
    private const string MassTransitInstrumentationName = "MassTransit";

    // EF Core has no ActivitySource (database spans come from Npgsql), but it does publish a Meter.
    private const string EntityFrameworkCoreMeterName = "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Adds OpenTelemetry logs, metrics and traces exported over OTLP (only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
    /// set), a liveness health check, service discovery, the standard resilience handler and service discovery on
    /// every <see cref="HttpClient"/> from the factory, and RFC 7807 problem details for every error response.
    /// </summary>
    /// <remarks>
    /// Problem details carry <c>traceId</c> and <c>instance</c> (the request path). The exception handler and
    /// status code pages are put at the very start of the request pipeline, so that an unhandled exception anywhere
    /// becomes a 500 problem details without internals, a <see cref="BadHttpRequestException"/> becomes a problem
    /// details with its own 4xx status, and an empty 4xx/5xx response (an unknown route, a failed challenge) gets a
    /// problem details body.
    /// </remarks>
    /// <typeparam name="TBuilder">The kind of host builder.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetailsDefaults();

        return builder;
    }

    /// <summary>
    /// Maps <see cref="HealthPath"/> (readiness: every check must pass) and <see cref="AlivePath"/> (liveness:
    /// only checks tagged <see cref="LiveTag"/>). Both are anonymous and left out of traces.
    /// </summary>
    /// <remarks>
    /// They are mapped in every environment because the AppHost, the gateway and Kubernetes probe them. Health
    /// reports carry only the overall status, never check details.
    /// </remarks>
    /// <param name="endpoints">The application's endpoint route builder.</param>
    /// <returns>The same endpoint route builder, for chaining.</returns>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapHealthChecks(HealthPath).AllowAnonymous();
        endpoints.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous();

        return endpoints;
    }

    /// <summary>
    /// Whether telemetry leaves the process: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the AppHost sets it to its
    /// dashboard; a deployment to its collector).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>True when an OTLP endpoint is configured.</returns>
    public static bool ExportsTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    private static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        // Without an exporter nothing would ever read the spans and metrics, yet every request, SQL command and
        // publish would still record them (the SDK's default sampler keeps every span): a measured share of the
        // CPU spent filing a demand. So the instrumentation is only switched on when it is exported.
        if (!builder.ExportsTelemetry())
        {
            return;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransitInstrumentationName, EntityFrameworkCoreMeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(MassTransitInstrumentationName))
            .UseOtlpExporter();
    }

    private static string GenericCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "too_many_requests",
        >= 500 => "server_error",
        _ => "request_failed",
    };

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);

    private static void AddProblemDetailsDefaults(this IServiceCollection services)
    {
        // ASP.NET Core already adds traceId; instance lets a client report which request failed.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var request = context.HttpContext.Request;
            context.ProblemDetails.Instance ??= $"{request.PathBase}{request.Path}";
            if (context.ProblemDetails is HttpValidationProblemDetails validation && !validation.Extensions.ContainsKey(ProblemResults.CodeExtension))
            {
                RequestValidationProblems.Conform(validation, context.HttpContext);
            }

            // Every problem carries a stable code clients can switch on; specific problems set their own first.
            context.ProblemDetails.Extensions.TryAdd(ProblemResults.CodeExtension, GenericCode(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
        });

        services.Configure<ExceptionHandlerOptions>(options =>
        {
            // A malformed request is the client's fault: answer with its own status and keep it out of the error log.
            options.StatusCodeSelector = exception => exception is BadHttpRequestException badRequest
                ? badRequest.StatusCode
                : StatusCodes.Status500InternalServerError;
            // So is a request a domain rule refused; DomainExceptionHandler answers it.
            options.SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or DomainException;
        });
        services.AddOptions<ErrorDetailsOptions>().BindConfiguration(ErrorDetailsOptions.SectionName);
        // Handlers are asked in this order: a domain refusal first, then whatever else went wrong.
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<RequestFailureHandler>();
        services.AddSingleton<IDeveloperPageExceptionFilter, RequestFailureDeveloperPageFilter>();

        // Binding failures throw in every environment (by default only in development), so that they reach the
        // handler above and answer as a field error rather than an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<InputScreenOptions>();

        // Enums travel as their wire names in every JSON body, read and written alike.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new WireNameJsonConverter()));

        services.AddTransient<IStartupFilter, ProblemDetailsStartupFilter>();
    }
}
