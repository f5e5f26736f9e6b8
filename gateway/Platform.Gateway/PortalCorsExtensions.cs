using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Platform.Gateway;

/// <summary>Lets the portal, a browser application on its own origin, call the API with the user's token.</summary>
internal static class PortalCorsExtensions
{
    private const string OriginsKey = "Cors:Origins";

    private const string PolicyName = "portal";
    private static readonly string[] DefaultOrigins = ["http://localhost:5173"];

    public static WebApplicationBuilder AddPortalCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>()
            .Configure<IConfiguration>((options, configuration) => options.AddPolicy(PolicyName, policy => policy
                .WithOrigins(configuration.GetList(OriginsKey, DefaultOrigins))
                .AllowCredentials()
                .AllowAnyMethod()
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, CorrelationIdMiddleware.HeaderName)
                .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, HeaderNames.RetryAfter)));
        return builder;
    }

    public static IApplicationBuilder UsePortalCors(this IApplicationBuilder app) => app.UseCors(PolicyName);
}
