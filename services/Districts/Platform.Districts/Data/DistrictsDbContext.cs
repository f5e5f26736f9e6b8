using Microsoft.EntityFrameworkCore;
using Platform.Districts.Domain;
using Platform.Imports.Jobs;
using Platform.MultiTenancy;
using Platform.ServiceHost.Data;

namespace Platform.Districts.Data;

/// <summary>
/// The districts database: the platform's districts (not tenant-owned: the platform operator manages them),
/// each district's territory tree, import jobs, and the tenant catalogue, outbox and inbox every service has.
/// </summary>
public sealed class DistrictsDbContext(DbContextOptions<DistrictsDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>All districts.</summary>
    public DbSet<District> Districts => Set<District>();

    /// <summary>The current district's territory tree.</summary>
    public DbSet<TerritoryNode> TerritoryNodes => Set<TerritoryNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<District>(district =>
        {
            district.ToTable("districts");
            district.Property(d => d.Id).ValueGeneratedNever();
            district.Property(d => d.Identifier).HasMaxLength(DistrictRules.IdentifierMaxLength);
            district.HasIndex(d => d.Identifier).IsUnique();
            district.Property(d => d.Name).HasMaxLength(DistrictRules.NameMaxLength);
            district.Property(d => d.City).HasMaxLength(DistrictRules.NameMaxLength);
            district.Property(d => d.AdminCode).HasMaxLength(6);
            district.HasIndex(d => d.AdminCode).IsUnique();
            district.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            district.Property(d => d.Settings).IsJsonb();
        });

        modelBuilder.Entity<TerritoryNode>(node =>
        {
            node.ToTable("territory_nodes");
            node.Property(n => n.Id).ValueGeneratedNever();
            node.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            node.Property(n => n.Code).HasMaxLength(TerritoryRules.CodeMaxLength);
            node.HasIndex(n => n.Code).IsUnique();
            node.Property(n => n.Name).HasMaxLength(TerritoryRules.NameMaxLength);
            node.Property(n => n.CommunityKind).HasConversion<string>().HasMaxLength(20);
            node.Property(n => n.GovernanceMode).HasConversion<string>().HasMaxLength(20);
            node.Property(n => n.FloorArea).HasPrecision(12, 2);
            node.Ignore(n => n.Attributes);
            node.Ignore(n => n.IsActive);

            // Byte-wise collation: "path starts with" is then a range scan of this ordinary B-tree index,
            // which is what makes a subtree one indexed query.
            node.Property(n => n.Path).HasMaxLength(TerritoryRules.PathMaxLength).UseCollation("C");
            node.HasIndex(n => new { n.TenantId, n.Path });
            node.HasIndex(n => new { n.TenantId, n.ParentId });
            // Trigram index: search by any part of a name (朝阳 finds 朝阳门街道 and 小朝阳社区) without a scan.
            node.HasIndex(n => n.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        });

        modelBuilder.ApplyImportJobs();
    }
}
