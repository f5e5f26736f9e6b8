using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Evaluation;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Organisations;
using Platform.PartyBuilding.Features.Reporting;
using Platform.PartyBuilding.Features.Service;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Evaluation;

/// <summary>The community's grade of a member for a period.</summary>
/// <param name="Period">A quarter (<c>2026-Q4</c>) or a year (<c>2026</c>) that has begun.</param>
/// <param name="Grade">excellent (优秀), qualified (合格), basically_qualified (基本合格) or unqualified (不合格).</param>
/// <param name="Comment">Why.</param>
public sealed record GradeMemberRequest(string? Period, EvaluationGrade? Grade, string? Comment) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Period), ServicePeriod.Problem(Period)),
        (nameof(Grade), Grade is null ? "Required." : null),
        (nameof(Comment), EvaluationRules.CommentProblem(Comment)));
}

/// <summary>The filters of the member-evaluation list.</summary>
/// <param name="Period">One period.</param>
/// <param name="MemberReport">One member report.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record MemberEvaluationQuery([property: ServicePeriod] string? Period, Guid? MemberReport, int? Page, int? PageSize);

/// <summary>A member's grade for a period.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="MemberReportId">The member report.</param>
/// <param name="Period">The period.</param>
/// <param name="Grade">The grade.</param>
/// <param name="Comment">Why.</param>
/// <param name="EvaluatedAt">When.</param>
public sealed record MemberEvaluationResponse(Guid Id, Guid MemberReportId, string Period, EvaluationGrade Grade, string Comment, DateTimeOffset EvaluatedAt)
{
    public static MemberEvaluationResponse From(MemberEvaluation e) => new(e.Id, e.MemberReportId, e.Period, e.Grade, e.Comment, e.EvaluatedAt);
}

/// <summary>The community grades its reported members per quarter and year.</summary>
internal static class MemberEvaluations
{
    public static void Map(RouteGroupBuilder evaluation)
    {
        evaluation.MapPost("member-reports/{id:guid}/evaluations", GradeAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Grade a confirmed member for a quarter or year with a comment; once per period (409 partybuilding.already_evaluated).");
        evaluation.MapGet("member-evaluations", ListAsync)
            .WithSummary("Grades of the members the caller sees (a member: their own), newest first; filter by period or member report.");
    }

    private static async Task<Created<MemberEvaluationResponse>> GradeAsync(
        Guid id, GradeMemberRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var report = await access.MemberReports(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ReportAccess.NotFound(id);
        ServicePeriod.TryParse(request.Period, out var period);
        var evaluation = MemberEvaluation.Record(report, period, request.Grade!.Value, request.Comment!, caller.UserId()!, clock.GetUtcNow());
        var periodText = evaluation.Period;
        // Checked here for the ordinary case; the unique index decides a race.
        if (await db.MemberEvaluations.AnyAsync(e => e.MemberReportId == id && e.Period == periodText, cancellationToken))
        {
            throw AlreadyGraded(periodText);
        }

        db.MemberEvaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw AlreadyGraded(periodText);
        }

        return TypedResults.Created($"/api/partybuilding/member-evaluations?memberReport={id}", MemberEvaluationResponse.From(evaluation));
    }

    private static async Task<Ok<PagedResult<MemberEvaluationResponse>>> ListAsync(
        [AsParameters] MemberEvaluationQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var evaluations = (access.IsOfficial ? db.MemberEvaluations.InSubtree(access.Scope.Path) : db.MemberEvaluations.Where(e => e.UserId == access.UserId)).AsNoTracking();
        if (query.Period is not null)
        {
            evaluations = evaluations.Where(e => e.Period == query.Period.Trim());
        }

        if (query.MemberReport is { } report)
        {
            evaluations = evaluations.Where(e => e.MemberReportId == report);
        }

        var listed = await evaluations.OrderByDescending(e => e.EvaluatedAt).ThenBy(e => e.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(MemberEvaluationResponse.From));
    }

    private static DomainException AlreadyGraded(string period) => new(PartyBuildingErrors.AlreadyEvaluated, $"The member is graded for {period} already.");
}
