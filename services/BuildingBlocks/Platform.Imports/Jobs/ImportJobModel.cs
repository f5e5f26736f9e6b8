using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
            job.Property(j => j.Parameters).HasColumnType("jsonb").HasConversion(Json<Dictionary<string, string>>(), ByJson<Dictionary<string, string>>());
            job.Property(j => j.Summary).HasColumnType("jsonb").HasConversion(Json<Dictionary<string, int>>(), ByJson<Dictionary<string, int>>());
            job.Property(j => j.Errors).HasColumnType("jsonb").HasConversion(Json<List<ImportRowError>>(), ByJson<List<ImportRowError>>());
            job.HasIndex(j => new { j.TenantId, j.RequestedAt });
            job.HasIndex(j => new { j.State, j.RequestedAt });
        });
        return modelBuilder;
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Json<T>()
        where T : class, new() => new(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web) ?? new T());

    /// <summary>Compares JSON-mapped collections by content, so that changing one is saved.</summary>
    internal static ValueComparer<T> ByJson<T>() => new(
        (left, right) => JsonSerializer.Serialize(left, JsonSerializerOptions.Web) == JsonSerializer.Serialize(right, JsonSerializerOptions.Web),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!);
}
