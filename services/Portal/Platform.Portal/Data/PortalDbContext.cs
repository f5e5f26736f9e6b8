using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Portal.Session;

namespace Platform.Portal.Data;

/// <summary>
/// The portal's own database (<c>portaldb</c>): what every replica must share to serve one user, the sessions and the
/// Data Protection key ring that encrypts them, the cookies and the anti-forgery tokens. It holds no district's data.
/// </summary>
internal sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<StoredSession> Sessions => Set<StoredSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredSession>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Key);
            session.Property(s => s.Key).HasMaxLength(StoredSession.KeyMaxLength);
            // The sweep deletes by expiry.
            session.HasIndex(s => s.ExpiresAt);
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
