using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Districts.Data;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;

namespace Platform.Districts.Features.Territory;

/// <summary>Retires a node (never deleted); its children must be retired or moved first.</summary>
internal static class RetireNode
{
    public static void Map(RouteGroupBuilder territory) =>
        territory.MapPost("nodes/{id:guid}/retire", HandleAsync).WithSummary("Retire a node (never deleted); its children must be retired or moved first.");

    private static async Task<Ok<NodeResponse>> HandleAsync(
        Guid id,
        ClaimsPrincipal caller,
        DistrictsDbContext db,
        ITenantContext tenant,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var access = await TerritoryAccess.OfAsync(caller, db, cancellationToken);
        var node = await access.FindChangeableAsync(id, db, cancellationToken);
        if (!node.IsActive)
        {
            return TypedResults.Ok(NodeResponse.From(node));
        }

        var now = clock.GetUtcNow();
        var hasActiveChildren = await db.TerritoryNodes.AnyAsync(n => n.ParentId == id && n.RetiredAt == null, cancellationToken);
        node.Retire(hasActiveChildren, now);
        db.AddIntegrationEvent(TerritoryEvents.Retired(tenant.TenantId!.Value, node, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NodeResponse.From(node));
    }
}
