extern alias residents;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;
using residents::Platform.Residents.Data;

namespace Platform.Benchmarks.ResidentImport;

/// <summary>
/// Gives the residents service the <see cref="ChaoyangScale"/> tree with two units in every building, written
/// straight into its territory replica: publishing 255,489 events through RabbitMQ would take minutes and is the
/// replica's business, not the import's.
/// </summary>
internal static class ReplicaTree
{
    /// <summary>单元: two per building.</summary>
    public static readonly TreeLevel Units = new("unit", "U", 2 * ChaoyangScale.Buildings.Count, 6, ChaoyangScale.Buildings);

    private static IReadOnlyList<TreeLevel> Levels => [.. ChaoyangScale.Levels, Units];

    /// <summary>How many nodes the tree has.</summary>
    public static int Nodes => Levels.Sum(level => level.Count);

    /// <summary>The codes of the nodes residents live at: every building and unit.</summary>
    public static IReadOnlyList<string> Homes() =>
        [.. Enumerable.Range(0, ChaoyangScale.Buildings.Count).Select(ChaoyangScale.Buildings.Code), .. Enumerable.Range(0, Units.Count).Select(Units.Code)];

    /// <summary>Writes the tree into the replica of <paramref name="tenant"/>.</summary>
    public static async Task WriteAsync(WebApplicationFactory<residents::Program> service, TenantInfo tenant)
    {
        await using var scope = service.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenant, "benchmark");
        var db = scope.ServiceProvider.GetRequiredService<ResidentsDbContext>();
        var nodes = new List<TerritoryReplicaNode>(Nodes);
        TerritoryReplicaNode[] above = [];
        foreach (var level in Levels)
        {
            var kind = Enum.Parse<TerritoryNodeKind>(level.Kind, ignoreCase: true);
            var current = new TerritoryReplicaNode[level.Count];
            for (var i = 0; i < level.Count; i++)
            {
                var parent = level.Parent is null ? null : above[level.ParentOf(i)];
                var id = Guid.CreateVersion7();
                current[i] = new TerritoryReplicaNode
                {
                    Id = id,
                    TenantId = tenant.Id,
                    ParentId = parent?.Id,
                    Kind = kind,
                    Code = level.Code(i),
                    Name = level.Code(i),
                    Path = TerritoryPath.Of(parent?.Path, id),
                };
            }

            nodes.AddRange(current);
            above = current;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await TenantBulkCopy.InsertAsync(db, nodes, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
