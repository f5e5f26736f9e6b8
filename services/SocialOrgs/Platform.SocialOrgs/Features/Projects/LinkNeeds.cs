using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>The residents' needs a project answers; sending them again replaces all of them.</summary>
/// <param name="DemandIds">Residents' demands.</param>
/// <param name="TopicIds">Deliberation topics.</param>
/// <param name="HotSpots">Hot spots.</param>
public sealed record NeedLinksRequest(IReadOnlyList<Guid>? DemandIds, IReadOnlyList<Guid>? TopicIds, IReadOnlyList<HotSpotRequest>? HotSpots) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(NeedLinksInput.Checks(DemandIds, TopicIds, HotSpots));
}

/// <summary>The organisation replaces the demands, topics and hot spots its project answers.</summary>
internal static class LinkNeeds
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPut("projects/{id:guid}/links", HandleAsync)
            .WithSummary("Replace the residents' demands, deliberation topics and hot spots (grid and category) a project answers.");

    private static async Task<Ok<ProjectResponse>> HandleAsync(
        Guid id, NeedLinksRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var project = await access.FindProjectAsync(id, db, cancellationToken);
        var links = NeedLinksInput.From(request.DemandIds, request.TopicIds, request.HotSpots);
        await NeedLinksInput.EnsureGridsAsync(links, db, cancellationToken);
        project.Link(links, clock.GetUtcNow());
        await ProjectEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(await ProjectResponse.OfAsync(project, db, cancellationToken));
    }
}
