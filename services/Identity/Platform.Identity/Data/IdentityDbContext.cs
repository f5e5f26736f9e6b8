using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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
/// authorizations and tokens, the district-owned memberships, machine clients and territory copy, and the Data
/// Protection key ring that every replica shares.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ITenantContext tenantContext)
    : IdentityUserContext<PlatformUser, Guid>(options), ITenantScopedDbContext, IDataProtectionKeyContext
{
    /// <inheritdoc />
    public Guid? CurrentTenantId => tenantContext.TenantId;

    /// <summary>Memberships of the current district.</summary>
    public DbSet<Membership> Memberships => Set<Membership>();

    /// <summary>Invitations to join the current district.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Machine clients of the current district.</summary>
    public DbSet<MachineClient> MachineClients => Set<MachineClient>();

    /// <summary>The current district's territory, as far as scope checks need it.</summary>
    public DbSet<TerritoryReplicaNode> TerritoryNodes => Set<TerritoryReplicaNode>();

    /// <summary>The audit trail (all districts; queries filter by district explicitly).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The Data Protection keys (platform-wide) that protect the sign-in cookie and the login page's anti-forgery
    /// tokens, so that what one replica protects another reads.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.Login).HasMaxLength(64);
            invitation.Property(i => i.Phone).HasMaxLength(20);
            invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
            // PostgreSQL's xmin: of two answers racing for one invitation, the second fails instead of overwriting.
            invitation.Property<uint>("Version").IsRowVersion();
            // The addressee looks up their invitations across districts, by login or by phone.
            invitation.HasIndex(i => i.Login);
            invitation.HasIndex(i => i.Phone);
        });

        builder.Entity<MachineClient>(client =>
        {
            client.ToTable("machine_clients");
            client.Property(c => c.ClientId).HasMaxLength(100);
            client.Property(c => c.DisplayName).HasMaxLength(200);
            client.HasIndex(c => c.ClientId).IsUnique();
        });

        builder.ApplyTerritoryReplica();

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.Property(e => e.Action).HasMaxLength(50);
            entry.Property(e => e.Subject).HasMaxLength(200);
            entry.HasIndex(e => new { e.TenantId, e.At });
        });
    }
}
