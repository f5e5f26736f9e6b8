using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;

namespace Platform.Gateway;

/// <summary>
/// Token-bucket rate limits, chained: a request needs a token from its tenant's bucket and from its client's
/// bucket, so that no district starves the others and no single client starves its district.
/// </summary>
internal static class RateLimitingExtensions
{
    private const string RejectedCode = "rate_limited";

    private const string ClientIdClaim = "client_id";

    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection($"{GatewayConfiguration.Section}:RateLimits");
        builder.Services.AddRateLimiter(options =>
        {
            var limits = section.Get<RateLimitSettings>() ?? new RateLimitSettings();
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => TenantOf(context.User) is { } tenant
                    ? RateLimitPartition.GetTokenBucketLimiter(tenant, _ => limits.PerTenant.ToLimiterOptions())
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => limits.PerClient.ToLimiterOptions())));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static string? TenantOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(TenantClaimTypes.TenantIdentifier)?.Value : null;

    // Anonymous callers (sign-in, discovery, documentation) have no client yet; their address stands in for it.
    private static string ClientOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? $"client:{TenantOf(context.User)}/{context.User.FindFirst(ClientIdClaim)?.Value}"
            : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ProblemResults.Problem(
                StatusCodes.Status429TooManyRequests,
                RejectedCode,
                "Too many requests",
                $"Retry after {seconds} s.")
            .ExecuteAsync(context);
    }

    /// <summary>The <c>Gateway:RateLimits</c> configuration section.</summary>
    private sealed class RateLimitSettings
    {
        public TokenBucketSettings PerTenant { get; init; } = new() { TokenLimit = 1000, TokensPerPeriod = 500 };

        public TokenBucketSettings PerClient { get; init; } = new() { TokenLimit = 100, TokensPerPeriod = 50 };
    }

    /// <summary>One bucket: a burst of <see cref="TokenLimit"/>, refilled by <see cref="TokensPerPeriod"/> each period.</summary>
    private sealed class TokenBucketSettings
    {
        public int TokenLimit { get; init; }

        public int TokensPerPeriod { get; init; }

        public TimeSpan ReplenishmentPeriod { get; init; } = TimeSpan.FromSeconds(1);

        // No queue: a client over its budget learns at once and when to come back (Retry-After).
        public TokenBucketRateLimiterOptions ToLimiterOptions() => new()
        {
            TokenLimit = TokenLimit,
            TokensPerPeriod = TokensPerPeriod,
            ReplenishmentPeriod = ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
