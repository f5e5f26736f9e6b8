using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>Registers a workplace party organisation that the district's in-service members belong to.</summary>
internal static class RegisterWorkplace
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapPost("workplaces", HandleAsync)
            .WithSummary("Register a workplace party organisation: its street (if it sits in the district), declared members, where its records live.");

    private static async Task<Created<WorkplaceResponse>> HandleAsync(
        WorkplaceRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, ITenantStore tenants, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var (street, records) = await request.ResolveAsync(scope, db, tenants, tenant, cancellationToken);
        var workplace = WorkplaceOrganisation.Register(request.Name!, request.Kind!.Value, street, request.DeclaredMembers ?? 0, records, clock.GetUtcNow());
        scope.EnsureSees(workplace);
        db.Workplaces.Add(workplace);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/partybuilding/workplaces/{workplace.Id}", WorkplaceResponse.From(workplace));
    }
}
