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

/// <summary>A periodic assessment.</summary>
/// <param name="RubricId">The district rubric scored against.</param>
/// <param name="Scores">One score per criterion of the rubric, by criterion name, each 0–5.</param>
public sealed record AssessRequest([property: Required] Guid? RubricId, [property: Required] IReadOnlyDictionary<string, int>? Scores);

/// <summary>Assesses an organisation in incubation against a rubric; the result may advance its growth stage.</summary>
internal static class AssessIncubation
{
    public static void Map(RouteGroupBuilder incubation) =>
        incubation.MapPost("incubations/{id:guid}/assessments", HandleAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Assess an organisation in incubation against a rubric: every criterion scored 0–5; the weighted total may advance its stage.");

    private static async Task<Ok<IncubationResponse>> HandleAsync(
        Guid id,
        AssessRequest request,
        ClaimsPrincipal caller,
        SocialOrgsDbContext db,
        IOptions<IncubationOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var incubation = await access.FindIncubationAsync(id, db, cancellationToken);
        var rubric = await db.Rubrics.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RubricId, cancellationToken)
            ?? throw new DomainException(IncubationErrors.RubricNotFound, $"No rubric {request.RubricId} in the district.", "rubricId");
        incubation.Assess(rubric, request.Scores!, access.UserId, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(IncubationResponse.From(incubation, now, options.Value.StuckAfter));
    }
}
