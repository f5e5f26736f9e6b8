using Microsoft.EntityFrameworkCore;
using Platform.Portal.Data;
using Platform.ServiceDefaults;

namespace Platform.Portal.Session;

/// <summary>
/// Deletes the sessions that have expired, which nobody signs out of (a browser closed, a phone lost). Every replica
/// sweeps; two deleting the same rows at once delete them once.
/// </summary>
internal sealed class ExpiredSessionSweep(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock, ILogger<ExpiredSessionSweep> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromMinutes(10);

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        await db.Sessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
