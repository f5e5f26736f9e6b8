using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Evaluation;

/// <summary>One side of a yearly evaluation of a unit and a community.</summary>
/// <param name="Year">The year (it has begun).</param>
/// <param name="WorkplaceId">The unit's workplace, reported to the community's street.</param>
/// <param name="CommunityNodeId">The community, inside the caller's scope.</param>
/// <param name="Direction">community_evaluates_unit or unit_evaluates_community (entered by an official for the unit).</param>
/// <param name="Grade">excellent, qualified, basically_qualified or unqualified.</param>
/// <param name="Comment">Why.</param>
public sealed record MutualEvaluationRequest(int? Year, Guid? WorkplaceId, Guid? CommunityNodeId, EvaluationDirection? Direction, EvaluationGrade? Grade, string? Comment)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Year), Year is >= 2000 and <= 9999 ? null : "A year."),
        (nameof(WorkplaceId), WorkplaceId is null ? "Required." : null),
        (nameof(CommunityNodeId), CommunityNodeId is null ? "Required." : null),
        (nameof(Direction), Direction is null ? "Required." : null),
        (nameof(Grade), Grade is null ? "Required." : null),
        (nameof(Comment), EvaluationRules.CommentProblem(Comment)));
}

/// <summary>The filters of the mutual-evaluation list.</summary>
/// <param name="Year">One year.</param>
/// <param name="Workplace">One unit.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record MutualEvaluationQuery(int? Year, Guid? Workplace, int? Page, int? PageSize);

/// <summary>One side of a yearly evaluation of a unit and a community.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Year">The year.</param>
/// <param name="WorkplaceId">The unit.</param>
/// <param name="CommunityNodeId">The community.</param>
/// <param name="Direction">Who evaluates whom.</param>
/// <param name="Grade">The grade.</param>
/// <param name="Comment">Why.</param>
/// <param name="EvaluatedAt">When.</param>
public sealed record MutualEvaluationResponse(
    Guid Id, int Year, Guid WorkplaceId, Guid CommunityNodeId, EvaluationDirection Direction, EvaluationGrade Grade, string Comment, DateTimeOffset EvaluatedAt)
{
    public static MutualEvaluationResponse From(MutualEvaluation e) => new(e.Id, e.Year, e.WorkplaceId, e.CommunityNodeId, e.Direction, e.Grade, e.Comment, e.EvaluatedAt);
}

/// <summary>Units and communities evaluate each other yearly; officials enter both sides.</summary>
internal static class MutualEvaluations
{
    public static void Map(RouteGroupBuilder evaluation)
    {
        evaluation.MapPost("mutual-evaluations", RecordAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record one side of a year's evaluation of a reported unit and a community; once per year, pair and direction.");
        evaluation.MapGet("mutual-evaluations", ListAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("The mutual evaluations of the communities in the caller's area; filter by year or unit.");
    }

    private static async Task<Created<MutualEvaluationResponse>> RecordAsync(
        MutualEvaluationRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var community = await scope.NodeAsync(request.CommunityNodeId!.Value, db, PartyBuildingErrors.InvalidNode, "communityNodeId", cancellationToken);
        if (!MemberReport.CommunityKinds.Contains(community.Kind))
        {
            throw new DomainException(PartyBuildingErrors.InvalidNode, "Units evaluate, and are evaluated by, communities.", "communityNodeId");
        }

        var unit = await db.UnitReports.AsNoTracking().Where(r => r.WorkplaceId == request.WorkplaceId && r.Status == ReportStatus.Confirmed)
            .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.UnitNotReported, "The unit has no unit report its street confirmed.", "workplaceId");
        var evaluation = MutualEvaluation.Record(
            request.Year!.Value, unit, community, request.Direction!.Value, request.Grade!.Value, request.Comment!, caller.UserId()!, clock.GetUtcNow());
        db.MutualEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(PartyBuildingErrors.AlreadyEvaluated, $"This side of {evaluation.Year}'s evaluation of the unit and the community is recorded already.");
        }

        return TypedResults.Created($"/api/partybuilding/mutual-evaluations?year={evaluation.Year}", MutualEvaluationResponse.From(evaluation));
    }

    private static async Task<Ok<PagedResult<MutualEvaluationResponse>>> ListAsync(
        [AsParameters] MutualEvaluationQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var evaluations = db.MutualEvaluations.InSubtree(scope.Scope.Path).AsNoTracking();
        if (query.Year is { } year)
        {
            evaluations = evaluations.Where(e => e.Year == year);
        }

        if (query.Workplace is { } workplace)
        {
            evaluations = evaluations.Where(e => e.WorkplaceId == workplace);
        }

        var listed = await evaluations.OrderByDescending(e => e.EvaluatedAt).ThenBy(e => e.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(MutualEvaluationResponse.From));
    }
}
