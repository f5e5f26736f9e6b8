using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Platform.MultiTenancy.EntityFramework;

/// <summary>
/// Runs once the whole model is configured, so it sees every entity and index the service declared:
/// adds the tenant query filter to each <see cref="ITenantOwned"/> entity, puts <c>TenantId</c> first in each of
/// its unique indexes (a code unique in one district may recur in another) and indexes <c>TenantId</c>.
/// </summary>
internal sealed class TenantIsolationConvention(ITenantScopedDbContext context) : IModelFinalizingConvention
{
    internal const string QueryFilterName = "Tenant";

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> conventionContext)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(IsTenantRoot).ToList())
        {
            var tenantId = entityType.FindProperty(nameof(ITenantOwned.TenantId))!;
            tenantId.Builder.IsRequired(true);
            tenantId.Builder.ValueGenerated(ValueGenerated.Never);
            entityType.Builder.HasQueryFilter(QueryFilterName, BuildFilter(entityType.ClrType));
            ScopeUniqueIndexesToTenant(entityType, tenantId);
            if (!entityType.GetIndexes().Any(index => index.Properties[0] == tenantId))
            {
                entityType.Builder.HasIndex([tenantId]);
            }
        }
    }

    private static bool IsTenantRoot(IConventionEntityType entityType) =>
        typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType)
        && entityType.BaseType is null
        && !entityType.IsOwned();

    // The context instance appears as a constant, exactly as `this` does in a filter written in
    // OnModelCreating; EF Core swaps in the executing context, so each query reads its own tenant.
    private LambdaExpression BuildFilter(Type entityClrType)
    {
        var entity = Expression.Parameter(entityClrType, "entity");
        var rowTenant = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.TenantId)), typeof(Guid?));
        var currentTenant = Expression.Property(
            Expression.Constant(context, typeof(ITenantScopedDbContext)),
            nameof(ITenantScopedDbContext.CurrentTenantId));
        return Expression.Lambda(Expression.Equal(rowTenant, currentTenant), entity);
    }

    // Explicitly configured indexes outrank a convention's builder, so they are replaced on the metadata itself.
    private static void ScopeUniqueIndexesToTenant(IConventionEntityType entityType, IConventionProperty tenantId)
    {
        foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.IsUnique && !i.Properties.Contains(tenantId)).ToList())
        {
            var (name, filter) = (index.Name, index.GetFilter());
            entityType.RemoveIndex(index);
            IReadOnlyList<IConventionProperty> properties = [tenantId, .. index.Properties];
            var scoped = name is null ? entityType.AddIndex(properties) : entityType.AddIndex(properties, name);
            scoped!.SetIsUnique(true);
            scoped.SetFilter(filter);
        }
    }
}
