using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Webhooks;

/// <summary>
/// Sends the deliveries that are due, in every district. A round claims a batch by pushing its rows' next attempt one
/// lease ahead (<c>FOR UPDATE SKIP LOCKED</c>, so instances never claim the same row), posts them in parallel and records
/// each outcome; a delivery whose instance died mid-attempt is due again when the lease runs out. So every delivery is
/// sent at least once, and a receiver de-duplicates on the CloudEvent id.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await DispatchBatchAsync(cancellationToken) >= options.Value.BatchSize)
        {
        }
    }

    /// <summary>Claims and sends one batch; returns how many deliveries it claimed.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        foreach (var district in claimed.GroupBy(c => c.TenantId))
        {
            await SendAsync(district.Key, [.. district.Select(c => c.Id)], cancellationToken);
        }

        return claimed.Count;
    }

    private async Task<List<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PropertyDbContext>();
        var now = Clock.GetUtcNow();
        var leaseEnds = now + options.Value.Lease;
        var batch = options.Value.BatchSize;
        return await db.Database.SqlQuery<ClaimedDelivery>($"""
            UPDATE webhook_deliveries SET "NextAttemptAt" = {leaseEnds}
            WHERE "Id" IN (
                SELECT "Id" FROM webhook_deliveries
                WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt"
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "TenantId"
            """).ToListAsync(cancellationToken);
    }

    private async Task SendAsync(Guid districtId, List<Guid> ids, CancellationToken cancellationToken)
    {
        await using var lookup = scopes.CreateAsyncScope();
        if (await lookup.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(districtId, cancellationToken) is not { } district)
        {
            // A district this service does not know (yet): the deliveries wait for the catalogue, a lease at a time.
            return;
        }

        await using var scope = scopes.CreateTenantScope(district, "webhooks");
        var db = scope.ServiceProvider.GetRequiredService<PropertyDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

        var schedule = options.Value.Schedule;
        var attempts = deliveries.Select(async delivery =>
        {
            var subscription = subscriptions[delivery.SubscriptionId];
            if (subscription.RemovedAt is not null)
            {
                delivery.Abandon();
                return;
            }

            var at = Clock.GetUtcNow();
            var outcome = await sender.SendAsync(subscription.Url, protector.Unprotect(subscription.SecretProtected), delivery, at, cancellationToken);
            if (outcome.Error is null)
            {
                delivery.Succeeded(at, outcome.StatusCode!.Value, outcome.Took);
            }
            else
            {
                delivery.Failed(at, outcome.StatusCode, outcome.Error, outcome.Took, schedule);
                LogFailed(Logger, delivery.Id, subscription.Id, districtId, outcome.Error, delivery.Status.ToString());
            }
        });
        await Task.WhenAll(attempts);
        // The outcomes are recorded whatever the host does next: a stop now would send them all again.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed record ClaimedDelivery(Guid Id, Guid TenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {SubscriptionId} of {TenantId} failed ({Error}); now {Status}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, Guid subscriptionId, Guid tenantId, string error, string status);
}
