using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Areas;

/// <summary>The platform user who votes online for an owner.</summary>
/// <param name="UserId">The user's id in the identity service.</param>
public sealed record LinkOwnerRequest([property: Required, StringLength(100, MinimumLength = 1)] string? UserId);

/// <summary>An owner as the law counts owners.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="AreaId">The area.</param>
/// <param name="IsDeveloper">Whether this is the developer's owner (unsold and undelivered units).</param>
/// <param name="UserId">The linked platform user, if any.</param>
/// <param name="LinkedAt">When the user was linked.</param>
public sealed record OwnerResponse(Guid Id, Guid AreaId, bool IsDeveloper, string? UserId, DateTimeOffset? LinkedAt);

/// <summary>Links a platform user to an owner after a worker has checked their identity, so that they vote online.</summary>
internal static class LinkOwner
{
    public static void Map(IEndpointRouteBuilder owners) =>
        owners.MapPost("{ownerId:guid}/link", HandleAsync).WithSummary("Link a platform user to an owner (after an identity check) so that they vote online for all the owner's units.");

    private static async Task<Ok<OwnerResponse>> HandleAsync(
        Guid ownerId, LinkOwnerRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var owner = await db.Owners.SingleOrDefaultAsync(o => o.Id == ownerId && AreaAccess.InScope(db, scope).Any(a => a.Id == o.AreaId), cancellationToken)
            ?? throw new DomainException(PropertyErrors.OwnerNotFound, $"No owner {ownerId} in your territory.");
        owner.LinkUser(request.UserId!.Trim(), caller.UserId()!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new OwnerResponse(owner.Id, owner.AreaId, owner.IsDeveloper, owner.UserId, owner.LinkedAt));
    }
}
