using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Domain;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Data;

/// <summary>
/// The party-building database: the community-side party organisations and the workplace party organisations, a
/// replica of each district's territory tree, and the tenant catalogue, outbox and inbox every service has.
/// </summary>
public sealed class PartyBuildingDbContext(DbContextOptions<PartyBuildingDbContext> options, ITenantContext tenantContext)
    : ServiceDbContext(options, tenantContext)
{
    /// <summary>The current district's community-side party organisations.</summary>
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();

    /// <summary>The workplace party organisations the current district's members belong to.</summary>
    public DbSet<WorkplaceOrganisation> Workplaces => Set<WorkplaceOrganisation>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<PartyOrganisation>(organisation =>
        {
            organisation.ToTable("party_organisations");
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(PartyOrganisation.NameMaxLength);
            organisation.Property(o => o.Level).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.NodePath).HasMaxLength(400).UseCollation("C");
            // A node has one party organisation.
            organisation.HasIndex(o => new { o.TenantId, o.NodeId }).IsUnique();
            organisation.HasIndex(o => new { o.TenantId, o.NodePath });
            organisation.HasIndex(o => new { o.TenantId, o.ParentId });
        });

        modelBuilder.Entity<WorkplaceOrganisation>(workplace =>
        {
            workplace.ToTable("workplace_organisations");
            workplace.Property(w => w.Id).ValueGeneratedNever();
            workplace.Property(w => w.Name).HasMaxLength(WorkplaceOrganisation.NameMaxLength);
            workplace.Property(w => w.Kind).HasConversion<string>().HasMaxLength(30);
            workplace.Property(w => w.NodePath).HasMaxLength(400).UseCollation("C");
            workplace.Property(w => w.RecordsLocation).HasConversion<string>().HasMaxLength(20);
            workplace.Ignore(w => w.Records);
            workplace.HasIndex(w => new { w.TenantId, w.NodePath });
        });
    }
}
