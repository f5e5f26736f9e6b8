using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>
/// Projects: officials see and keep those of the organisations in their scope, a <c>social-org</c> user those of the
/// organisations they act for; anything else answers 404. A signed contract sets its funded project up; an organisation
/// starts its self-run projects itself.
/// </summary>
internal static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var projects = endpoints.MapGroup("/api/socialorgs").RequireTenant().RequireAuthorization(OrganisationEndpoints.UsersPolicy).WithTags("Projects");
        StartProject.Map(projects);
        ListProjects.Map(projects);
        GetProject.Map(projects);
        ReportActivity.Map(projects);
        LinkNeeds.Map(projects);
        RecruitVolunteers.Map(projects);
        return endpoints;
    }

    /// <summary>Saves the project, refusing a change that raced another one on it.</summary>
    /// <exception cref="DomainException">Someone changed the project meanwhile.</exception>
    public static async Task SaveAsync(SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ProjectErrors.ChangedConcurrently, "Someone else changed the project at the same time; reload it and try again.");
        }
    }
}
