using Platform.ServiceDefaults;

namespace Platform.Gateway;

/// <summary>The reverse proxy: routes and clusters from the <c>ReverseProxy</c> configuration section.</summary>
internal static class ReverseProxyExtensions
{
    // YARP's forwarder span sits between the incoming request's span and the outgoing HTTP call's span.
    private const string YarpActivitySource = "Yarp.ReverseProxy";

    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        // Cluster addresses such as http://identity are service names, resolved per request through service discovery.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms => transforms.ForwardTenantNaming());

        // The services screen what they are sent; the gateway forwards bodies without reading them twice.
        builder.Services.Configure<InputScreenOptions>(options => options.Enabled = false);

        // YARP propagates the trace context to the services itself; this makes its own span visible.
        if (builder.ExportsTelemetry())
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(YarpActivitySource));
        }

        return builder;
    }
}
