using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Territory;

/// <summary>Body of <c>PATCH /api/territory/nodes/{id}</c>: a new name and/or a complete new set of attributes.</summary>
public sealed record ChangeNodeRequest(string? Name, NodeAttributes? Attributes) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), Name is null ? null : TerritoryRules.NameProblem(Name)),
        (nameof(Attributes), NodeAttributes.LocationProblem(Attributes)));
}

/// <summary>Renames a node and/or replaces its attributes.</summary>
internal static class ChangeNode
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapPatch("nodes/{id:guid}", HandleAsync).WithSummary("Rename a node and/or replace its attributes.");

    private static async Task<Ok<NodeResponse>> HandleAsync(
        Guid id,
        ChangeNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        var node = await access.FindChangeableAsync(id, db, cancellationToken);
        var now = clock.GetUtcNow();
        if (request.Name is not null && node.Rename(request.Name))
        {
            db.AddIntegrationEvent(TerritoryEvents.Renamed(tenant.TenantId!.Value, node, now));
        }

        if (request.Attributes is not null && node.ChangeAttributes(request.Attributes.ToDomain()))
        {
            db.AddIntegrationEvent(TerritoryEvents.AttributesChanged(tenant.TenantId!.Value, node, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node));
    }
}
