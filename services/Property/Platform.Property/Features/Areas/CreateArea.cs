using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Areas;

/// <summary>A new property management area.</summary>
/// <param name="Name">Display name, e.g. 幸福小区物业管理区域.</param>
/// <param name="Code">Code, unique in the district.</param>
/// <param name="NodeIds">The compounds and buildings it covers, inside the caller's territory.</param>
public sealed record CreateAreaRequest(string? Name, string? Code, IReadOnlyList<Guid>? NodeIds) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), PropertyArea.NameProblem(Name)),
        (nameof(Code), PropertyArea.CodeProblem(Code)),
        (nameof(NodeIds), PropertyArea.NodeIdsProblem(NodeIds)));
}

/// <summary>Sets up an area over compounds and buildings of the caller's territory that no other area covers.</summary>
internal static class CreateArea
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapPost("", HandleAsync).WithSummary("Set up a property management area over compounds and buildings no other area covers (409 property.node_in_another_area).");

    private static async Task<Results<Created<AreaResponse>, ValidationProblem>> HandleAsync(
        CreateAreaRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var nodeIds = request.NodeIds!;
        var found = await db.TerritoryNodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var nodes = new List<AreaNode>();
        foreach (var id in nodeIds)
        {
            if (!found.TryGetValue(id, out var node) || node.Retired || !scope.Sees(node.Path) || node.Kind is not (TerritoryNodeKind.Compound or TerritoryNodeKind.Building))
            {
                throw new DomainException(PropertyErrors.NodeNotCoverable, $"Node {id} is not a compound or building of your territory.", "nodeIds");
            }

            nodes.Add(new AreaNode(node.Id, node.Path));
        }

        if (await db.Areas.AnyAsync(a => a.Code == request.Code!.Trim(), cancellationToken))
        {
            throw CodeTaken();
        }

        // Every node any area covers: districts have a few hundred areas, each a handful of nodes.
        var claimed = await db.Areas.AsNoTracking().SelectMany(a => a.Nodes).ToListAsync(cancellationToken);
        var area = PropertyArea.Create(request.Name!, request.Code!, nodes, claimed, clock.GetUtcNow());
        db.Areas.Add(area);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(out var constraint))
        {
            // Two areas set up at once raced for a code or a node; the indexes decided.
            throw constraint?.Contains("Code", StringComparison.Ordinal) == true
                ? CodeTaken()
                : new DomainException(PropertyErrors.NodeInAnotherArea, "Another area took one of these nodes meanwhile.", "nodeIds");
        }

        return TypedResults.Created($"/api/property/areas/{area.Id}", AreaResponse.From(area));
    }

    private static DomainException CodeTaken() => new(PropertyErrors.AreaCodeTaken, "Another area of the district has this code.", "code");
}
