using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>The filters of the project list.</summary>
/// <param name="OrganisationId">One organisation's projects.</param>
/// <param name="Funding">funded or self_run.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
public sealed record ProjectQuery(Guid? OrganisationId, [property: WireName(typeof(ProjectFunding))] string? Funding, int? Page, int? PageSize);

/// <summary>The projects of the organisations the caller keeps or acts for, newest first.</summary>
internal static class ListProjects
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("projects", HandleAsync)
            .WithSummary("The projects of the organisations the caller keeps or acts for, newest first; filter by organisation and funding.");

    private static async Task<Ok<PagedResult<ProjectSummaryResponse>>> HandleAsync(
        [AsParameters] ProjectQuery query, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var projects = access.VisibleProjects(db).AsNoTracking();
        if (query.OrganisationId is { } organisationId)
        {
            projects = projects.Where(p => p.OrganisationId == organisationId);
        }

        if (query.Funding is not null)
        {
            var wanted = WireNames.Parse<ProjectFunding>(query.Funding);
            projects = projects.Where(p => p.Funding == wanted);
        }

        var listed = await projects.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(ProjectSummaryResponse.From));
    }
}

/// <summary>One project the caller keeps or acts for, with the current state of the needs it links.</summary>
internal static class GetProject
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapGet("projects/{id:guid}", HandleAsync)
            .WithSummary("A project with each milestone's reported activities, its calls for volunteers, and where its linked demands, topics and hot spots stand.");

    private static async Task<Ok<ProjectResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var project = await access.FindProjectAsync(id, db, cancellationToken);
        return TypedResults.Ok(await ProjectResponse.OfAsync(project, db, cancellationToken));
    }
}
