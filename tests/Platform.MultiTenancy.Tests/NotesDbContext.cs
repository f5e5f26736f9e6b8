using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy.EntityFramework;
using Platform.MultiTenancy.Storage;

namespace Platform.MultiTenancy.Tests;

/// <summary>A tenant-owned entity as a service would declare it: no tenant plumbing beyond the interface.</summary>
public sealed class Note : ITenantOwned
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid TenantId { get; private set; }

    public required string Code { get; init; }

    public string Text { get; set; } = "";
}

/// <summary>A minimal service DbContext with tenant isolation switched on the documented way.</summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options, ITenantContext tenantContext)
    : DbContext(options), ITenantScopedDbContext
{
    public DbSet<Note> Notes => Set<Note>();

    public Guid? CurrentTenantId => tenantContext.TenantId;

    public static NotesDbContext Create(string connectionString, TenantInfo? tenant)
    {
        var context = new TenantContext();
        if (tenant is not null)
        {
            context.Enter(tenant, "test");
        }

        var options = new DbContextOptionsBuilder<NotesDbContext>().UseNpgsql(connectionString);
        options.UseTenantIsolation();
        return new NotesDbContext(options.Options, context);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddTenantIsolation(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(note =>
        {
            note.HasIndex(n => n.Code).IsUnique();
            note.Property(n => n.Code).HasMaxLength(50);
        });
        modelBuilder.ApplyTenantCatalog();
    }
}
