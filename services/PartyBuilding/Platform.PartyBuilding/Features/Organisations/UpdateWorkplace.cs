using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.PartyBuilding.Data;

namespace Platform.PartyBuilding.Features.Organisations;

/// <summary>Replaces what is known of a workplace: it may move to another street or another district and keeps its id and history.</summary>
internal static class UpdateWorkplace
{
    public static void Map(RouteGroupBuilder organisations) =>
        organisations.MapPut("workplaces/{id:guid}", HandleAsync)
            .WithSummary("Replace a workplace's description and place; a workplace that moves keeps its id and everything recorded about it.");

    private static async Task<Ok<WorkplaceResponse>> HandleAsync(
        Guid id, WorkplaceRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, ITenantStore tenants, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var workplace = await scope.FindWorkplaceAsync(id, db, cancellationToken);
        var (street, records) = await request.ResolveAsync(scope, db, tenants, tenant, cancellationToken);
        workplace.Describe(request.Name!, request.Kind!.Value, request.DeclaredMembers ?? 0, now);
        workplace.Place(street, records, now);
        scope.EnsureSees(workplace);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WorkplaceResponse.From(workplace));
    }
}
