using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Gateway;

/// <summary>
/// Trusts <c>X-Forwarded-For/Proto/Host</c> from a load balancer in front of the gateway, so that rate limits,
/// tenant hosts and redirects see the real client. Only loopback (the framework's default) and the configured
/// networks are trusted: from anyone else these headers would let a client choose its own address.
/// </summary>
internal static class ForwardedHeadersExtensions
{
    private const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static WebApplicationBuilder AddTrustedForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var network in configuration.GetList(KnownNetworksKey, []))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
