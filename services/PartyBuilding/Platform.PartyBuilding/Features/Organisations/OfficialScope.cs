using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>
/// What an official may see and keep: the party organisations and workplaces placed inside their territory scope
/// (a workplace sitting outside the district belongs to the district's root, so only district-wide officials see it).
/// </summary>
/// <param name="Scope">The caller's territory scope.</param>
internal sealed record OfficialScope(CallerScope Scope)
{
    /// <summary>The caller's scope.</summary>
    public static async Task<OfficialScope> OfAsync(ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        new(await CallerScope.OfAsync(caller, db, cancellationToken));

    /// <summary>The community-side organisations the caller sees.</summary>
    public IQueryable<PartyOrganisation> Organisations(PartyBuildingDbContext db) => db.PartyOrganisations.InSubtree(Scope.Path);

    /// <summary>The workplaces the caller sees.</summary>
    public IQueryable<WorkplaceOrganisation> Workplaces(PartyBuildingDbContext db) => db.Workplaces.InSubtree(Scope.Path);

    /// <summary>The organisation, tracked.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<PartyOrganisation> FindOrganisationAsync(Guid id, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        await Organisations(db).SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.OrganisationNotFound, $"No party organisation {id} in your area.");

    /// <summary>The workplace, tracked.</summary>
    /// <exception cref="DomainException">The caller may not see it (or it does not exist).</exception>
    public async Task<WorkplaceOrganisation> FindWorkplaceAsync(Guid id, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        await Workplaces(db).SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.WorkplaceNotFound, $"No workplace party organisation {id} in your area.");

    /// <summary>The node <paramref name="id"/>, which must lie in the caller's scope; otherwise <paramref name="error"/> on <paramref name="field"/>.</summary>
    /// <exception cref="DomainException">No such node in the caller's area.</exception>
    public async Task<TerritoryReplicaNode> NodeAsync(Guid id, PartyBuildingDbContext db, DomainError error, string field, CancellationToken cancellationToken)
    {
        var node = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return node is not null && Scope.Sees(node.Path) ? node : throw new DomainException(error, $"No node {id} in your area.", field);
    }

    /// <summary>
    /// Refuses a workplace placed outside the caller's scope: a street official names a street of their area, and only
    /// the district's own officials keep workplaces that sit outside the district.
    /// </summary>
    /// <exception cref="DomainException">The workplace would lie outside the caller's scope.</exception>
    public void EnsureSees(WorkplaceOrganisation workplace)
    {
        ArgumentNullException.ThrowIfNull(workplace);
        if (!Scope.Sees(workplace.NodePath))
        {
            throw new DomainException(
                PartyBuildingErrors.InvalidStreet, "Name a street of your area; workplaces outside the district are kept by the district's officials.", "streetNodeId");
        }
    }
}
