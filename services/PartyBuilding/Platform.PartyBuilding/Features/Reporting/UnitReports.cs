using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>A workplace's report to the street where it sits.</summary>
/// <param name="WorkplaceId">The workplace, sitting in a street of the caller's area.</param>
/// <param name="AgreementSignedOn">When the co-building agreement was signed.</param>
/// <param name="AgreementEndsOn">Its last day (a term of at most five years).</param>
/// <param name="Resources">What it offers: venues, funds, skills, volunteers.</param>
public sealed record SubmitUnitReportRequest(Guid? WorkplaceId, DateOnly? AgreementSignedOn, DateOnly? AgreementEndsOn, IReadOnlyList<UnitResource>? Resources)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(WorkplaceId), WorkplaceId is null ? "Required." : null),
        (nameof(AgreementEndsOn), UnitReport.TermProblem(AgreementSignedOn, AgreementEndsOn)),
        (nameof(Resources), UnitReport.ResourcesProblem(Resources)));
}

/// <summary>The filters of the unit-report list; the status is read by its wire name.</summary>
public sealed record UnitReportQuery([property: WireName(typeof(ReportStatus))] string? Status, Guid? Workplace, int? Page, int? PageSize);

/// <summary>A workplace reports to the street where it sits (单位报到), submitted by an official for it; the street confirms.</summary>
internal static class UnitReports
{
    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapPost("unit-reports", SubmitAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Submit a workplace's report to its street: the co-building agreement and the resources it offers.");
        reporting.MapGet("unit-reports", ListAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Unit reports sent to streets of the caller's area, newest first; filter by status or workplace.");
        reporting.MapGet("unit-reports/{id:guid}", GetAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("One unit report sent to a street of the caller's area.");
    }

    private static async Task<Created<UnitReportResponse>> SubmitAsync(
        SubmitUnitReportRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await OfficialScope.OfAsync(caller, db, cancellationToken);
        var workplace = await scope.Workplaces(db).AsNoTracking().SingleOrDefaultAsync(w => w.Id == request.WorkplaceId, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.InvalidWorkplace, $"No workplace party organisation {request.WorkplaceId} in your area.", "workplaceId");
        var report = UnitReport.Submit(
            workplace, request.AgreementSignedOn!.Value, request.AgreementEndsOn!.Value, request.Resources ?? [], caller.UserId()!, clock.GetUtcNow());
        // Checked here as well as by the index: the index decides a race, this gives the ordinary case its own answer.
        if (await db.UnitReports.AnyAsync(r => r.WorkplaceId == workplace.Id && Report.OpenStatuses.Contains(r.Status), cancellationToken))
        {
            throw AlreadyReported(workplace.Id);
        }

        db.UnitReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw AlreadyReported(workplace.Id);
        }

        return TypedResults.Created($"/api/partybuilding/unit-reports/{report.Id}", UnitReportResponse.From(report));
    }

    private static async Task<Ok<PagedResult<UnitReportResponse>>> ListAsync(
        [AsParameters] UnitReportQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var reports = access.UnitReports(db).AsNoTracking();
        if (query.Status is not null)
        {
            var wanted = WireNames.Parse<ReportStatus>(query.Status);
            reports = reports.Where(r => r.Status == wanted);
        }

        if (query.Workplace is { } workplaceId)
        {
            reports = reports.Where(r => r.WorkplaceId == workplaceId);
        }

        var page = await reports.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(UnitReportResponse.From));
    }

    private static async Task<Ok<UnitReportResponse>> GetAsync(Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        return TypedResults.Ok(UnitReportResponse.From(
            await access.UnitReports(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ReportAccess.NotFound(id)));
    }

    private static DomainException AlreadyReported(Guid workplaceId) =>
        new(PartyBuildingErrors.UnitAlreadyReported, $"Workplace {workplaceId} has a report waiting or an agreement running with its street; end it first.");
}
