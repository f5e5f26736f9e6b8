using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Messaging;
using Platform.MultiTenancy.Storage;

namespace Platform.Messaging.CatchUp;

/// <summary>
/// Another local copy of what the Districts service owns that catches up once the tenant catalogue has (the
/// territory replica does). Registered steps run in registration order, in one scope, after every start.
/// </summary>
public interface ITenantCatchUpStep
{
    /// <summary>Brings the copy up to date with <paramref name="catalog"/>, the districts as they are now.</summary>
    Task CatchUpAsync(DistrictCatalogSnapshot catalog, CancellationToken cancellationToken);
}

/// <summary>
/// Catches a service's tenant catalogue up with the Districts service at every start, so a service that joins
/// a running platform (or runs on a restored database) knows every existing district, then runs the
/// <see cref="ITenantCatchUpStep"/>s. The design is described in <c>Platform.Districts.Contracts/CatchUp.cs</c>.
/// </summary>
/// <remarks>
/// It runs in the background once the bus is up: the service starts and serves while the Districts service is
/// unreachable, and asks again with growing pauses until answered. The answer is applied with the catalogue's
/// own rule (a report older than the stored one is ignored), so it commutes with the district events that
/// arrive meanwhile: neither can roll the other back.
/// </remarks>
/// <param name="serviceName">The service's short name, sent with the request for the Districts service's logs.</param>
/// <param name="scopeFactory">Creates the scope the catch-up runs in.</param>
/// <param name="options">The catch-up's time-out.</param>
/// <param name="clock">Times the pauses between attempts.</param>
/// <param name="logger">Logs each attempt's outcome.</param>
public sealed partial class TenantCatalogCatchUp(
    string serviceName,
    IServiceScopeFactory scopeFactory,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<TenantCatalogCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(1);
    private readonly MessagingOptions _options = options.Value;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogCatchUpFailed(logger, exception, delay);
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var client = services.GetRequiredService<IRequestClient<DistrictCatalogRequest>>();
        var response = await client.GetResponse<DistrictCatalogSnapshot>(new DistrictCatalogRequest(serviceName), cancellationToken, _options.CatchUpTimeout);
        var catalog = response.Message;

        var writer = services.GetRequiredService<ITenantCatalogWriter>();
        foreach (var district in catalog.Districts)
        {
            var tenant = new TenantInfo(district.TenantId, district.Identifier, district.Name, district.Status.ToTenantStatus(), district.Settings);
            await writer.UpsertAsync(tenant, district.AsOf, cancellationToken);
        }

        LogCatalogCaughtUp(logger, catalog.Districts.Count);
        foreach (var step in services.GetServices<ITenantCatchUpStep>())
        {
            await step.CatchUpAsync(catalog, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up with the districts service failed; asking again in {Delay}")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant catalogue caught up with {Districts} districts")]
    private static partial void LogCatalogCaughtUp(ILogger logger, int districts);
}
