using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Domain;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>An application to the incubation centre.</summary>
/// <param name="OrganisationId">The organisation applying: one the caller keeps or acts for.</param>
public sealed record ApplyForIncubationRequest([property: Required] Guid? OrganisationId);

/// <summary>An organisation applies to the incubation centre; one open application or incubation at a time.</summary>
internal static class ApplyForIncubation
{
    public static void Map(RouteGroupBuilder incubation) =>
        incubation.MapPost("incubations", HandleAsync).WithSummary("Apply to the incubation centre for an organisation the caller keeps or acts for.");

    private static async Task<Created<IncubationResponse>> HandleAsync(
        ApplyForIncubationRequest request,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        IOptions<IncubationOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(request.OrganisationId!.Value, db, cancellationToken);
        var open = await db.Incubations.AnyAsync(
            i => i.OrganisationId == organisation.Id && (i.Status == IncubationStatus.Applied || i.Status == IncubationStatus.InIncubation), cancellationToken);
        if (open)
        {
            throw new DomainException(IncubationErrors.AlreadyIncubating, "The organisation has an open application or incubation already.");
        }

        var incubation = Incubation.Apply(organisation, now);
        db.Incubations.Add(incubation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/socialorgs/incubations/{incubation.Id}", IncubationResponse.From(incubation, now, options.Value.StuckAfter));
    }
}
