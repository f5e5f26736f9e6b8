using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.SocialOrgs.Data;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>Records an organisation's filing (备案) at the street or community.</summary>
internal static class FileOrganisation
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapPost("organisations/{id:guid}/file", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record the filing (备案) of an unregistered organisation at the street or community.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(
        Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(id, db, cancellationToken);
        organisation.File(now);
        db.AddIntegrationEvent(OrganisationEvents.StatusChanged(tenant.TenantId!.Value, organisation, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
