using Microsoft.EntityFrameworkCore;

namespace Platform.TerritoryReplica;

/// <summary>Maps <see cref="TerritoryReplicaNode"/> into a service's model.</summary>
public static class TerritoryReplicaModel
{
    /// <summary>The replica's table.</summary>
    public const string TableName = "territory_nodes";

    /// <summary>Adds the territory replica table to the model.</summary>
    public static ModelBuilder ApplyTerritoryReplica(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<TerritoryReplicaNode>(node =>
        {
            node.ToTable(TableName);
            node.Property(n => n.Id).ValueGeneratedNever();
            node.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            node.Property(n => n.Code).HasMaxLength(64);
            node.HasIndex(n => new { n.TenantId, n.Code });
            node.Property(n => n.Name).HasMaxLength(100);
            // Byte-wise collation: "path starts with" is a range scan of the (TenantId, Path) index.
            node.Property(n => n.Path).HasMaxLength(400).UseCollation("C");
            node.HasIndex(n => new { n.TenantId, n.Path });
        });
        return modelBuilder;
    }
}
