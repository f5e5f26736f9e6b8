using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.MultiTenancy.EntityFramework;

/// <summary>
/// Before every save: stamps the current tenant on new tenant-owned rows and refuses any write that would
/// create, change or delete another tenant's row.
/// </summary>
internal sealed class TenantIsolationInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is not ITenantScopedDbContext scoped)
        {
            return;
        }

        var current = scoped.CurrentTenantId;
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (current is null)
            {
                throw new CrossTenantWriteException($"Cannot save {entry.Metadata.DisplayName()} outside a tenant.");
            }

            var tenantId = entry.Property(e => e.TenantId);
            if (entry.State == EntityState.Added && tenantId.CurrentValue == Guid.Empty)
            {
                tenantId.CurrentValue = current.Value;
            }

            // Checking the original value too catches a row loaded in one tenant and re-pointed to another.
            if (tenantId.CurrentValue != current.Value
                || (entry.State != EntityState.Added && tenantId.OriginalValue != current.Value))
            {
                throw new CrossTenantWriteException(
                    $"Refusing to write {entry.Metadata.DisplayName()} of another tenant while running in tenant {current}.");
            }
        }
    }
}
