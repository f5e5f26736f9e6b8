using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Identity.Domain;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Identity.Data;

/// <summary>
/// The identity database: platform-wide accounts (ASP.NET Core Identity), OpenIddict's applications,
/// authorizations and tokens, and the district-owned memberships, machine clients and territory copy.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ITenantContext tenantContext)
    : IdentityUserContext<PlatformUser, Guid>(options), ITenantScopedDbContext
{
    /// <inheritdoc />
    public Guid? CurrentTenantId => tenantContext.TenantId;

    /// <summary>Memberships of the current district.</summary>
    public DbSet<Membership> Memberships => Set<Membership>();

    /// <summary>Machine clients of the current district.</summary>
    public DbSet<MachineClient> MachineClients => Set<MachineClient>();

    /// <summary>The current district's territory, as far as scope checks need it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <summary>The audit trail (all districts; queries filter by district explicitly).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTenantIsolation(this);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyServiceModel();

        builder.Entity<PlatformUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(100);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<Membership>(membership =>
        {
            membership.ToTable("memberships");
            membership.HasIndex(m => m.UserId).IsUnique();
            membership.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MachineClient>(client =>
        {
            client.ToTable("machine_clients");
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.DisplayName).HasMaxLength(200);
            client.HasIndex(c => c.ClientId).IsUnique();
        });

        builder.ApplyTerritoryReplica();

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.HasIndex(e => new { e.TenantId, e.At });
        });
    }
}
