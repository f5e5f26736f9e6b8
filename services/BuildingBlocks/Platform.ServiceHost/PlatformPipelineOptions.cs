using Microsoft.AspNetCore.Builder;

namespace Platform.ServiceHost;

/// <summary>
/// The two places where a service may add middleware to the fixed pipeline of
/// <see cref="PlatformServiceExtensions.UsePlatformPipeline"/>. Everything else about the order is not negotiable.
/// </summary>
public sealed class PlatformPipelineOptions
{
    /// <summary>Middleware that must see the request before it is authenticated (e.g. forwarded headers).</summary>
    public Action<IApplicationBuilder>? BeforeAuthentication { get; set; }

    /// <summary>Middleware that needs the matched endpoint and an authorized caller (e.g. antiforgery).</summary>
    public Action<IApplicationBuilder>? AfterAuthorization { get; set; }
}
