using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.TimeBank.Data;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>The shape of the ledger's periodic rounds: find the districts with work, then do it inside each district.</summary>
internal static class DistrictRounds
{
    /// <summary>
    /// Asks <paramref name="districtsWithWork"/> (the one query across districts) which districts have work, then runs
    /// <paramref name="work"/> inside each that the tenant catalogue still knows, in a tenant scope of its own.
    /// </summary>
    /// <returns>What <paramref name="work"/> did, per district.</returns>
    public static async Task<IReadOnlyList<(Guid DistrictId, int Done)>> RunAsync(
        IServiceScopeFactory scopes, string scopeName, Func<TimeBankDbContext, IQueryable<Guid>> districtsWithWork,
        Func<LedgerWriter, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        List<Guid> districts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            districts = await districtsWithWork(scope.ServiceProvider.GetRequiredService<TimeBankDbContext>()).Distinct().ToListAsync(cancellationToken);
        }

        var done = new List<(Guid, int)>();
        foreach (var districtId in districts)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdAsync(districtId, cancellationToken) is not { } district)
            {
                continue;
            }

            await using var districtScope = scopes.CreateTenantScope(district, scopeName);
            done.Add((districtId, await work(districtScope.ServiceProvider.GetRequiredService<LedgerWriter>(), cancellationToken)));
        }

        return done;
    }
}
