using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Territory;

/// <summary>Body of <c>POST /api/territory/nodes</c>.</summary>
/// <param name="Kind">street, township, town, community, village, grid, compound, building or unit.</param>
/// <param name="Code">External code from the government system, unique in the district.</param>
/// <param name="Name">Display name, e.g. 朝阳门街道.</param>
/// <param name="ParentId">The parent node; null for a street, township or town directly under the district.</param>
/// <param name="Attributes">Kind-specific attributes.</param>
public sealed record CreateNodeRequest(TerritoryNodeKind? Kind, string? Code, string? Name, Guid? ParentId, NodeAttributes? Attributes) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Kind), Kind is { } kind && Enum.IsDefined(kind) ? null : $"One of {TerritoryVocabulary.KindNames}."),
        (nameof(Code), TerritoryRules.CodeProblem(Code)),
        (nameof(Name), TerritoryRules.NameProblem(Name)),
        (nameof(Attributes), NodeAttributes.LocationProblem(Attributes)));
}

/// <summary>Adds a node under a parent inside the caller's scope.</summary>
internal static class CreateNode
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapPost("nodes", HandleAsync).WithSummary("Add a node under a parent inside the caller's scope.");

    private static async Task<Created<NodeResponse>> HandleAsync(
        CreateNodeRequest request,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        var parent = await access.FindParentAsync(request.ParentId, db, cancellationToken);
        var code = request.Code!.Trim();
        if (await db.TerritoryNodes.AnyAsync(n => n.Code == code, cancellationToken))
        {
            throw CodeTaken(code);
        }

        var now = clock.GetUtcNow();
        var node = TerritoryNode.Create(request.Kind!.Value, code, request.Name!, parent, now, request.Attributes?.ToDomain());
        db.TerritoryNodes.Add(node);
        db.AddIntegrationEvent(TerritoryEvents.Added(tenant.TenantId!.Value, node, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw CodeTaken(code);
        }

        return TypedResults.Created($"/api/territory/nodes/{node.Id}", NodeResponse.From(node));
    }

    private static TerritoryRuleException CodeTaken(string code) =>
        new(TerritoryErrors.CodeTaken, $"Another node of this district already has the code '{code}'.");
}
