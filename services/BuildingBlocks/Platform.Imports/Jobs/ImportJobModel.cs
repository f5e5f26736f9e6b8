using Microsoft.EntityFrameworkCore;
using Platform.ServiceHost.Data;

namespace Platform.Imports.Jobs;

/// <summary>Adds the <c>import_jobs</c> table to a service's model.</summary>
public static class ImportJobModel
{
    internal const string Table = "import_jobs";

    /// <summary>Maps <see cref="ImportJob"/>. Call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyImportJobs(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ImportJob>(job =>
        {
            job.ToTable(Table);
            job.Property(j => j.Id).ValueGeneratedNever();
            job.Property(j => j.Kind).HasMaxLength(50);
            job.Property(j => j.FileName).HasMaxLength(255);
            job.Property(j => j.RequestedBy).HasMaxLength(100);
            job.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            job.Property(j => j.Parameters).IsJsonb();
            job.Property(j => j.Summary).IsJsonb();
            job.Property(j => j.Errors).IsJsonb();
            job.HasIndex(j => new { j.TenantId, j.RequestedAt });
            job.HasIndex(j => new { j.State, j.RequestedAt });
        });
        return modelBuilder;
    }
}
