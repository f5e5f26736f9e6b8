using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SocialOrgs.Data;

namespace Platform.SocialOrgs.Features.Organisations;

/// <summary>One organisation the caller keeps or acts for.</summary>
internal static class GetOrganisation
{
    public static void Map(RouteGroupBuilder registry) =>
        registry.MapGet("organisations/{id:guid}", HandleAsync).WithSummary("One organisation the caller keeps or acts for; contacts' phones masked.");

    private static async Task<Ok<OrganisationResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(OrganisationResponse.From(await access.FindAsync(id, db, cancellationToken)));
    }
}
