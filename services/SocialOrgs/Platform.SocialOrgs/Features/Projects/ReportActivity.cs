using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Projects;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Projects;

/// <summary>An activity held for a milestone.</summary>
/// <param name="MilestoneNumber">The milestone it works towards (1, 2, … by due date).</param>
/// <param name="Activity">What was done.</param>
/// <param name="HeldOn">When it was held.</param>
/// <param name="Place">Where.</param>
/// <param name="BeneficiariesServed">People served (人次).</param>
/// <param name="Evidence">References to the evidence kept elsewhere (file ids, addresses).</param>
public sealed record ActivityReportRequest(
    [property: Required] int? MilestoneNumber, string? Activity, [property: Required] DateOnly? HeldOn, string? Place, int BeneficiariesServed,
    IReadOnlyList<string>? Evidence) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems(ActivityReportContent.Checks(Activity, Place, BeneficiariesServed, Evidence ?? []));

    /// <summary>The content as the domain takes it; the request's validation has accepted it.</summary>
    public ActivityReportContent Content() => new(MilestoneNumber!.Value, Activity!, HeldOn!.Value, Place!, BeneficiariesServed, Evidence!);
}

/// <summary>The organisation reports an activity held for one of the project's milestones.</summary>
internal static class ReportActivity
{
    public static void Map(RouteGroupBuilder projects) =>
        projects.MapPost("projects/{id:guid}/reports", HandleAsync)
            .WithSummary("Report an activity held for a milestone: date, place, people served and references to the evidence.");

    private static async Task<Created<ActivityReport>> HandleAsync(
        Guid id, ActivityReportRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await OrganisationAccess.OfAsync(caller, db, cancellationToken);
        var project = await access.FindProjectAsync(id, db, cancellationToken);
        var report = project.Report(request.Content(), access.UserId, clock.GetUtcNow());
        await ProjectEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Created($"/api/socialorgs/projects/{project.Id}", report);
    }
}
