// A bare YARP proxy, the anchor of the gateway overhead benchmark (gateway-overhead.sh): the gateway's routes and
// clusters (its appsettings.json), none of its middleware — no token check, tenant guard, rate limits, CORS,
// correlation id or forwarded headers. What the gateway costs beyond this is the price of its own work.
using Yarp.ReverseProxy.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddJsonFile("gateway-routes.json", optional: false);
// Destinations come from the environment, as for the gateway; they must win over the file's.
builder.Configuration.AddEnvironmentVariables();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddConfigFilter<WithoutGatewayPolicies>();

var app = builder.Build();
app.MapReverseProxy();
app.Run();

/// <summary>Drops the policies the gateway's routes name (they need middleware the bare proxy does not have).</summary>
internal sealed class WithoutGatewayPolicies : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route with { AuthorizationPolicy = null, RateLimiterPolicy = null, CorsPolicy = null, TimeoutPolicy = null });
}
