using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;
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
        var now = Clock.GetUtcNow();
        var rounds = await DistrictRounds.RunAsync(
            scopes, "pending-expiry",
            db => db.Transfers.IgnoreQueryFilters().Where(t => t.Status == TransferStatus.Pending && t.ExpiresAt <= now).Select(t => t.TenantId),
            (ledger, cancellation) => ledger.ExpireDueAsync(cancellation), cancellationToken);
        foreach (var (districtId, expired) in rounds)
        {
            LogExpired(Logger, expired, districtId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voided {Count} expired pending transfers of {TenantId}")]
    private static partial void LogExpired(ILogger logger, int count, Guid tenantId);
}
