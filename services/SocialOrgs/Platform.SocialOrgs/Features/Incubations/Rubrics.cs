using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.SocialOrgs.Features.Organisations;

namespace Platform.SocialOrgs.Features.Incubations;

/// <summary>A criterion of a new rubric.</summary>
/// <param name="Name">Name, e.g. 内部治理.</param>
/// <param name="Weight">Its weight, positive.</param>
public sealed record CriterionRequest(string? Name, decimal Weight);

/// <summary>A new rubric.</summary>
/// <param name="Name">Name.</param>
/// <param name="Criteria">The criteria and weights.</param>
/// <param name="SproutThreshold">Weighted total that enters the sprout stage.</param>
/// <param name="SaplingThreshold">… the sapling stage.</param>
/// <param name="TreeThreshold">… the tree stage.</param>
/// <param name="GraduationThreshold">Weighted total the latest assessment must reach to graduate.</param>
public sealed record CreateRubricRequest(
    string? Name, IReadOnlyList<CriterionRequest>? Criteria, decimal SproutThreshold, decimal SaplingThreshold, decimal TreeThreshold, decimal GraduationThreshold)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Name), string.IsNullOrWhiteSpace(Name) ? "Required." : Name.Trim().Length > Rubric.NameMaxLength ? $"At most {Rubric.NameMaxLength} characters." : null),
        (nameof(Criteria), Rubric.Problem(CriteriaOf(), SproutThreshold, SaplingThreshold, TreeThreshold, GraduationThreshold)));

    /// <summary>The criteria as the domain takes them.</summary>
    public IReadOnlyList<(string Name, decimal Weight)> CriteriaOf() => [.. (Criteria ?? []).Select(c => (c.Name ?? "", c.Weight))];
}

/// <summary>A rubric as answers show it.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="Criteria">Criteria with weights.</param>
/// <param name="SproutThreshold">Enters sprout.</param>
/// <param name="SaplingThreshold">Enters sapling.</param>
/// <param name="TreeThreshold">Enters tree.</param>
/// <param name="GraduationThreshold">Needed to graduate.</param>
public sealed record RubricResponse(
    Guid Id, string Name, IReadOnlyList<CriterionRequest> Criteria, decimal SproutThreshold, decimal SaplingThreshold, decimal TreeThreshold, decimal GraduationThreshold)
{
    public static RubricResponse From(Rubric rubric) => new(
        rubric.Id, rubric.Name, [.. rubric.Criteria.Select(c => new CriterionRequest(c.Name, c.Weight))],
        rubric.SproutThreshold, rubric.SaplingThreshold, rubric.TreeThreshold, rubric.GraduationThreshold);
}

/// <summary>The district's rubrics: officials create them; everyone using the service reads them.</summary>
internal static class Rubrics
{
    public static void Map(RouteGroupBuilder incubation)
    {
        incubation.MapPost("rubrics", CreateAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Create an assessment rubric: criteria with weights on the 0–5 scale, thresholds per growth stage and for graduation.");
        incubation.MapGet("rubrics", ListAsync).WithSummary("The district's rubrics, newest first, paged.");
    }

    private static async Task<Created<RubricResponse>> CreateAsync(
        CreateRubricRequest request, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rubric = Rubric.Create(
            request.Name!, request.CriteriaOf(), request.SproutThreshold, request.SaplingThreshold, request.TreeThreshold, request.GraduationThreshold,
            clock.GetUtcNow());
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/socialorgs/rubrics/{rubric.Id}", RubricResponse.From(rubric));
    }

    private static async Task<Ok<PagedResult<RubricResponse>>> ListAsync(int? page, int? pageSize, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var listed = await db.Rubrics.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(RubricResponse.From));
    }
}
