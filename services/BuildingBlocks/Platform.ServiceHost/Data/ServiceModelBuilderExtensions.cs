using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy.Storage;

namespace Platform.ServiceHost.Data;

/// <summary>The part of the model that every service's database has.</summary>
public static class ServiceModelBuilderExtensions
{
    /// <summary>
    /// Maps the tenant catalogue (<c>tenants</c>), the outbox and the inbox. <see cref="ServiceDbContext"/> calls it;
    /// a context with another base calls it from <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="modelBuilder">The builder of the model.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ModelBuilder ApplyServiceModel(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyTenantCatalog().ApplyMessagingModel();
}
