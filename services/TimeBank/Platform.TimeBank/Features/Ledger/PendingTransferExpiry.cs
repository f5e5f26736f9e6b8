using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.ServiceDefaults;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>Options of the ledger's periodic jobs (section <c>TimeBank</c>).</summary>
public sealed class LedgerJobOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TimeBank";

    /// <summary>How often pending transfers past their timeout are looked for and voided.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often earned minutes past their expiry are moved to the expiry account; expiry is counted in years, so hourly is plenty.</summary>
    public TimeSpan EarnedExpiryInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Voids the pending transfers whose district's timeout has passed, district by district, through the same locked
/// write as a client's void; several instances may sweep at once, since a transfer posted or voided meanwhile is left
/// alone. A post that arrives after the timeout but before the sweep is refused and voids it itself.
/// </summary>
internal sealed partial class PendingTransferExpiry(
    IServiceScopeFactory scopes, IOptions<LedgerJobOptions> options, TimeProvider clock, ILogger<PendingTransferExpiry> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ExpirySweepInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    /// <summary>Voids what is due in every district.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> districts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = Clock.GetUtcNow();
            // The one query across districts: which have something due. Each district's work then runs inside it.
            districts = await scope.ServiceProvider.GetRequiredService<TimeBankDbContext>().Transfers.IgnoreQueryFilters()
                .Where(t => t.Status == TransferStatus.Pending && t.ExpiresAt <= now).Select(t => t.TenantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var districtId in districts)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(districtId, cancellationToken) is not { } district)
            {
                continue;
            }

            await using var districtScope = scopes.CreateTenantScope(district, "pending-expiry");
            var expired = await districtScope.ServiceProvider.GetRequiredService<LedgerWriter>().ExpireDueAsync(cancellationToken);
            LogExpired(Logger, expired, districtId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voided {Count} expired pending transfers of {TenantId}")]
    private static partial void LogExpired(ILogger logger, int count, Guid tenantId);
}
