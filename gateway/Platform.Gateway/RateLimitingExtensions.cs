using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.MultiTenancy.Resolution;
using Platform.ServiceDefaults;

namespace Platform.Gateway;

/// <summary>
/// Token-bucket rate limits, chained: a request needs a token from its district's bucket and from its caller's,
/// so that no district starves the others and no single caller starves its district. The caller is the user for
/// a user's token (every user of <c>platform-cli</c> or the portal has a bucket of their own) and the machine
/// client for a client-credentials token.
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
                    RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => limits.PerClient.ToLimiterOptions())));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static string? TenantOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(TenantClaimTypes.TenantIdentifier)?.Value : null;

    // A machine client's token names the client as its subject; a user's names the user, whichever client they use.
    // Anonymous callers (sign-in, discovery, documentation) have neither yet; their address stands in.
    private static string CallerOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return $"address:{context.Connection.RemoteIpAddress}";
        }

        var client = user.FindFirst(ClientIdClaim)?.Value;
        var subject = user.UserId();
        return subject is null || subject == client
            ? $"client:{TenantOf(user)}/{client}"
            : $"user:{TenantOf(user)}/{subject}";
    }

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

        // Per caller (user or machine client); the name is kept from when the bucket was shared by a client's users.
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
