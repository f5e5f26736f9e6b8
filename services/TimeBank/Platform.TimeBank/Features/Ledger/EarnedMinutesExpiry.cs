using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>
/// Moves earned minutes past their district's expiry (per purpose, <c>expiryYears</c> after they were earned, oldest lots
/// first) to the district's expiry account, district by district. Minutes reserved by pending transfers stay where they
/// are until the reservation ends; several instances may run the round at once, since each account is re-read under its lock.
/// </summary>
internal sealed partial class EarnedMinutesExpiry(
    IServiceScopeFactory scopes, IOptions<LedgerJobOptions> options, TimeProvider clock, ILogger<EarnedMinutesExpiry> logger) : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.EarnedExpiryInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var rounds = await DistrictRounds.RunAsync(
            scopes, "earned-expiry",
            db => db.LedgerRules.IgnoreQueryFilters().Where(r => r.ExpiryYears != null).Select(r => r.TenantId),
            (ledger, cancellation) => ledger.ExpireEarnedDueAsync(cancellation), cancellationToken);
        foreach (var (districtId, accounts) in rounds)
        {
            LogExpired(Logger, accounts, districtId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired earned minutes of {Count} accounts of {TenantId}")]
    private static partial void LogExpired(ILogger logger, int count, Guid tenantId);
}
