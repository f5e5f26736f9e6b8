using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.MultiTenancy.Storage;

/// <summary>A service's local copy of one tenant, as last reported by the Districts service.</summary>
public sealed class TenantRecord
{
    /// <summary>The tenant's immutable id, the same in every service and in every event's <c>TenantId</c>.</summary>
    public Guid Id { get; set; }

    /// <summary>The lower-case slug (<c>chaoyang</c>) that hosts and <c>/t/{district}</c> paths resolve to this tenant.</summary>
    public string Identifier { get; set; } = "";

    /// <summary>The district's display name, e.g. 朝阳区.</summary>
    public string Name { get; set; } = "";

    /// <summary>Whether the district may use the service; a suspended one is refused on every request.</summary>
    public TenantStatus Status { get; set; }

    /// <summary>The district's settings as a JSON object of strings, stored as one <c>jsonb</c> column.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>When the Districts service reported the facts stored here; older reports are ignored.</summary>
    public DateTimeOffset AsOf { get; set; }

    internal TenantInfo ToTenantInfo() => new(
        Id,
        Identifier,
        Name,
        Status,
        JsonSerializer.Deserialize<Dictionary<string, string>>(SettingsJson) ?? []);

    internal void CopyFrom(TenantInfo tenant, DateTimeOffset asOf)
    {
        Id = tenant.Id;
        Identifier = tenant.Identifier.ToLowerInvariant();
        Name = tenant.Name;
        Status = tenant.Status;
        SettingsJson = JsonSerializer.Serialize(tenant.Settings);
        AsOf = asOf;
    }
}

/// <summary>Adds the tenant catalogue table to a service's model.</summary>
public static class TenantCatalogModelBuilderExtensions
{
    /// <summary>Maps <see cref="TenantRecord"/> to the <c>tenants</c> table. Call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyTenantCatalog(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<TenantRecord>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id);
            tenant.Property(t => t.Id).ValueGeneratedNever();
            tenant.Property(t => t.Identifier).HasMaxLength(63).IsRequired();
            tenant.HasIndex(t => t.Identifier).IsUnique();
            tenant.Property(t => t.Name).HasMaxLength(200).IsRequired();
            tenant.Property(t => t.SettingsJson).HasColumnType("jsonb").IsRequired();
        });
        return modelBuilder;
    }
}
