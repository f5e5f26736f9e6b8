using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.MultiTenancy.Storage;

/// <summary>A service's local copy of one tenant, as last reported by the Districts service.</summary>
public sealed class TenantRecord
{
    public Guid Id { get; set; }

    public string Identifier { get; set; } = "";

    public string Name { get; set; } = "";

    public TenantStatus Status { get; set; }

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
