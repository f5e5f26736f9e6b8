using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Messaging.Outbox;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>A call for volunteers: one shift of an activity the time bank opens.</summary>
/// <param name="Title">The activity's title.</param>
/// <param name="Work">elderly_care, patrol, waste_sorting, epidemic_post, tutoring or other.</param>
/// <param name="NodeId">Where it takes place (a node of the district).</param>
/// <param name="Place">Where exactly.</param>
/// <param name="StartsAt">When the shift starts.</param>
/// <param name="EndsAt">When it ends (within 24 hours).</param>
/// <param name="Volunteers">How many volunteers it takes.</param>
public sealed record RecruitmentRequest(
    string? Title, [property: Required] VolunteerWork? Work, [property: Required] Guid? NodeId, string? Place, [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt, int Volunteers) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => StartsAt is null || EndsAt is null ? []
        : FieldChecks.Problems(RecruitmentContent.Checks(Title, Place, StartsAt.Value, EndsAt.Value, Volunteers));

    /// <summary>The content as the domain takes it; the request's validation has accepted it.</summary>
    public RecruitmentContent Content() => new(Title!, Work!.Value, NodeId!.Value, Place, StartsAt!.Value, EndsAt!.Value, Volunteers);
}

/// <summary>
/// The organisation asks the time bank for volunteers for its project: the call is kept on the project and
/// <see cref="VolunteerRecruitmentRequestedIntegrationEvent"/> goes out through the outbox in the same transaction.
/// </summary>
internal static class RecruitVolunteers
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("projects/{id:guid}/volunteer-recruitments", HandleAsync)
            .WithSummary("Ask the time bank to open an activity with one shift for the project, organised for the organisation by the caller.");

    private static async Task<Created<VolunteerRecruitment>> HandleAsync(
        Guid id, RecruitmentRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var project = await access.FindProjectAsync(id, db, cancellationToken);
        if (!await db.TerritoryNodes.AnyAsync(n => n.Id == request.NodeId && !n.Retired, cancellationToken))
        {
            throw new DomainException(ProjectErrors.InvalidRecruitment, $"No node {request.NodeId} in the district.", "nodeId");
        }

        var recruitment = project.RecruitVolunteers(request.Content(), access.UserId, now);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == project.OrganisationId, cancellationToken);
        db.AddIntegrationEvent(new VolunteerRecruitmentRequestedIntegrationEvent
        {
            TenantId = project.TenantId,
            OccurredAt = now,
            RecruitmentId = recruitment.Id,
            ProjectId = project.Id,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            OrganiserUserId = recruitment.RequestedBy,
            Title = recruitment.Title,
            Category = recruitment.Work.ToWire(),
            NodeId = recruitment.NodeId,
            Place = recruitment.Place,
            ShiftStartsAt = recruitment.StartsAt,
            ShiftEndsAt = recruitment.EndsAt,
            Volunteers = recruitment.Volunteers,
        });
        await ProjectEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Created($"/api/socialorgs/projects/{project.Id}", recruitment);
    }
}
