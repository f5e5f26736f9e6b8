using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.ServiceDefaults;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>A community-side party organisation to establish.</summary>
/// <param name="Name">Name, e.g. 中共东一社区委员会.</param>
/// <param name="Level">street_working_committee, community_committee, grid_branch or building_group.</param>
/// <param name="NodeId">The territory node it is attached to, inside the caller's scope.</param>
public sealed record EstablishOrganisationRequest(string? Name, PartyOrganisationLevel? Level, Guid? NodeId) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), PartyOrganisation.NameProblem(Name)),
        (nameof(Level), Level is null ? "Required." : null),
        (nameof(NodeId), NodeId is null ? "Required." : null));
}

/// <summary>Establishes a community-side party organisation on a node, under the organisation of the level above on an ancestor node.</summary>
internal static class EstablishOrganisation
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("organisations", HandleAsync)
            .WithSummary("Establish a community-side party organisation on a node of the caller's scope, under the level above on an ancestor node.");

    private static async Task<Created<PartyOrganisationResponse>> HandleAsync(
        EstablishOrganisationRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var node = await scope.NodeAsync(request.NodeId!.Value, db, PartyBuildingErrors.InvalidNode, "nodeId", cancellationToken);
        var level = request.Level!.Value;
        var parent = PartyOrganisation.LevelAbove(level) is { } above ? await NearestAboveAsync(node.PathIds().SkipLast(1), above, db, cancellationToken) : null;
        var organisation = PartyOrganisation.Establish(request.Name!, level, node, parent, clock.GetUtcNow());
        // Checked here as well as by the index: the index decides a race, this gives the ordinary case its own answer.
        if (await db.PartyOrganisations.AnyAsync(o => o.NodeId == node.Id, cancellationToken))
        {
            throw NodeTaken(node.Id);
        }

        db.PartyOrganisations.Add(organisation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw NodeTaken(node.Id);
        }

        return TypedResults.Created($"/api/partybuilding/organisations/{organisation.Id}", PartyOrganisationResponse.From(organisation));
    }

    // The organisation of the level above on the deepest ancestor that has one.
    private static Task<PartyOrganisation?> NearestAboveAsync(
        IEnumerable<Guid> ancestorIds, PartyOrganisationLevel above, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var ids = ancestorIds.ToList();
        return db.PartyOrganisations.AsNoTracking().Where(o => o.Level == above && ids.Contains(o.NodeId))
            .OrderByDescending(o => o.NodePath.Length).FirstOrDefaultAsync(cancellationToken);
    }

    private static DomainException NodeTaken(Guid nodeId) =>
        new(PartyBuildingErrors.NodeHasOrganisation, $"Node {nodeId} has its party organisation already.", "nodeId");
}
