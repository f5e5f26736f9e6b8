using Microsoft.EntityFrameworkCore;
using Platform.Imports.Jobs;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.MultiTenancy.Storage;
using Platform.Residents.Domain;
using Platform.TerritoryReplica;

namespace Platform.Residents.Data;

/// <summary>
/// The residents database: the resident master record with households and the personal-data access log, a
/// replica of each district's territory tree, import jobs, and the tenant catalogue, outbox and inbox every
/// service has. Everything but the catalogue is tenant-owned.
/// </summary>
public sealed class ResidentsDbContext(DbContextOptions<ResidentsDbContext> options, ITenantContext tenantContext)
    : DbContext(options), ITenantScopedDbContext
{
    /// <inheritdoc />
    public Guid? CurrentTenantId => tenantContext.TenantId;

    /// <summary>The current district's residents.</summary>
    public DbSet<Resident> Residents => Set<Resident>();

    /// <summary>The current district's households.</summary>
    public DbSet<Household> Households => Set<Household>();

    /// <summary>Every read of unmasked personal data.</summary>
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();

    /// <summary>The current district's territory tree, as the Districts service reports it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTenantIsolation(this);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyTenantCatalog();
        modelBuilder.ApplyMessagingModel();
        modelBuilder.ApplyImportJobs();
        modelBuilder.ApplyTerritoryReplica();

        modelBuilder.Entity<Resident>(resident =>
        {
            resident.ToTable("residents");
            resident.Property(r => r.Id).ValueGeneratedNever();
            resident.Property(r => r.Name).HasMaxLength(ResidentRules.NameMaxLength).UseCollation("C");
            resident.Property(r => r.NodePath).HasMaxLength(400).UseCollation("C");
            resident.Property(r => r.IdNumberProtected).HasMaxLength(200);
            resident.Property(r => r.IdNumberHash).HasMaxLength(64);
            resident.Property(r => r.IdNumberMasked).HasMaxLength(18);
            resident.Property(r => r.PhoneProtected).HasMaxLength(200);
            resident.Property(r => r.PhoneHash).HasMaxLength(64);
            resident.Property(r => r.PhoneMasked).HasMaxLength(11);
            resident.Property(r => r.PhoneTail).HasMaxLength(4);
            resident.Property(r => r.Residence).HasConversion<string>().HasMaxLength(20);
            resident.Property<List<string>>("_tags").HasColumnName("Tags");
            resident.Ignore(r => r.Tags);

            // One person once per district: the keyed hash is the only form of the ID number that can be compared.
            resident.HasIndex(r => new { r.TenantId, r.IdNumberHash }).IsUnique();
            resident.HasIndex(r => new { r.TenantId, r.PhoneHash });
            // Name search is a prefix search in byte order, so a scope's residents by name are one index range.
            resident.HasIndex(r => new { r.TenantId, r.Name, r.Id });
            resident.HasIndex(r => new { r.TenantId, r.NodePath });
            resident.HasIndex(r => new { r.TenantId, r.HouseholdId });
            resident.HasIndex(r => new { r.TenantId, r.PhoneTail });
        });

        modelBuilder.Entity<Household>(household =>
        {
            household.ToTable("households");
            household.Property(h => h.Id).ValueGeneratedNever();
            household.Property(h => h.NodePath).HasMaxLength(400).UseCollation("C");
            household.Property(h => h.Number).HasMaxLength(Household.NumberMaxLength);
            household.HasIndex(h => new { h.TenantId, h.NodeId, h.Number }).IsUnique();
            household.Ignore(h => h.Place);
        });

        modelBuilder.Entity<PersonalDataAccess>(access =>
        {
            access.ToTable("personal_data_accesses");
            access.Property(a => a.Id).ValueGeneratedNever();
            access.Property(a => a.UserId).HasMaxLength(100);
            access.Property(a => a.UserName).HasMaxLength(100);
            access.Property(a => a.Fields).HasMaxLength(100);
            access.Property(a => a.Reason).HasMaxLength(PersonalDataAccess.ReasonMaxLength);
            access.HasIndex(a => new { a.TenantId, a.At });
            access.HasIndex(a => new { a.TenantId, a.ResidentId });
        });
    }
}
