using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Funding;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>A project the organisation runs on its own means.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Category">What it serves.</param>
/// <param name="Description">What it does and for whom.</param>
/// <param name="BeneficiariesTargeted">People it means to serve.</param>
/// <param name="StartsOn">Its first day.</param>
/// <param name="EndsOn">Its last day.</param>
/// <param name="Milestones">What is delivered when, inside the project's dates.</param>
/// <param name="DemandIds">Residents' demands it answers.</param>
/// <param name="TopicIds">Deliberation topics it answers.</param>
/// <param name="HotSpots">Hot spots it answers.</param>
public sealed record StartProjectRequest(
    string? Title, ServiceCategory? Category, string? Description, int BeneficiariesTargeted, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<MilestoneRequest>? Milestones, IReadOnlyList<Guid>? DemandIds, IReadOnlyList<Guid>? TopicIds, IReadOnlyList<HotSpotRequest>? HotSpots)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        ProjectPlan.Checks(Title, Description, BeneficiariesTargeted, StartsOn, EndsOn, [.. (Milestones ?? []).Select(m => (m?.Title, m?.DueOn))])
            .Concat(NeedLinksInput.Checks(DemandIds, TopicIds, HotSpots))
            .Append((nameof(Category), Category is null ? "Required." : null)));

    /// <summary>The plan as the domain takes it; the request's validation has accepted it.</summary>
    public ProjectPlan Plan() => new(
        Title!, Category!.Value, Description!, BeneficiariesTargeted, StartsOn!.Value, EndsOn!.Value, [.. Milestones!.Select(m => new Milestone(m.Title!, m.DueOn!.Value))]);
}

/// <summary>An organisation starts a project it runs on its own means (funded projects come from their contracts).</summary>
internal static class StartProject
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("organisations/{organisationId:guid}/projects", HandleAsync)
            .WithSummary("Start a self-run project of an organisation the caller keeps or acts for: plan, milestones and the residents' needs it answers.");

    private static async Task<Created<ProjectResponse>> HandleAsync(
        Guid organisationId, StartProjectRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var organisation = await access.FindAsync(organisationId, db, cancellationToken);
        var links = NeedLinksInput.From(request.DemandIds, request.TopicIds, request.HotSpots);
        await NeedLinksInput.EnsureGridsAsync(links, db, cancellationToken);
        var project = Project.SelfRun(organisation, request.Plan(), links, access.UserId, clock.GetUtcNow());
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/socialorgs/projects/{project.Id}", await ProjectResponse.OfAsync(project, db, cancellationToken));
    }
}
