using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Companies;
using Platform.Property.Features.Areas;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Companies;

/// <summary>A project manager taking office in an area the company holds the contract of.</summary>
/// <param name="AreaId">The area.</param>
/// <param name="Name">The manager's name.</param>
/// <param name="TookOfficeOn">The day they took office (district time).</param>
public sealed record AppointProjectManagerRequest([property: Required] Guid? AreaId, string? Name, [property: Required] DateOnly? TookOfficeOn) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Name), ProjectManagerAppointment.NameProblem(Name)));
}

/// <summary>The day the residents' committee received the report (default today).</summary>
public sealed record ProjectManagerReportRequest(DateOnly? ReportedOn);

/// <summary>The project-manager list filters: one area, only the late reports.</summary>
public sealed record ProjectManagerQuery(Guid? AreaId, bool? Late, int? Page, int? PageSize);

/// <summary>A project manager appointment and where its report stands.</summary>
public sealed record ProjectManagerResponse(
    Guid Id, Guid AreaId, Guid CompanyId, string Name, DateOnly TookOfficeOn, DateOnly ReportDueOn, DateOnly? ReportedOn, bool Late, DateOnly? EndedOn)
{
    public static ProjectManagerResponse From(ProjectManagerAppointment a, DateOnly today) =>
        new(a.Id, a.AreaId, a.CompanyId, a.Name, a.TookOfficeOn, a.ReportDueOn, a.ReportedOn, a.IsLate(today), a.EndedOn);
}

/// <summary>
/// The project manager's report to the residents' committee within three days of taking office: the company records its
/// manager for an area it holds the contract of, the community worker records the report received, and the street
/// lists the late ones (<c>late=true</c>: a report after the third day, or none by then).
/// </summary>
internal static class ProjectManagers
{
    public static void Map(IEndpointRouteBuilder managers)
    {
        managers.MapPost("", AppointAsync).RequireAuthorization(PropertyEndpoints.CompaniesPolicy).WithSummary(
            "Record the company's project manager taking office in an area it holds the active contract of; the report is due within 3 days.");
        managers.MapGet("", ListAsync).WithSummary(
            "Project managers newest first, paged: a company's own, or those of the areas in a worker's territory. late=true lists late reports.");
        managers.MapPost("{id:guid}/report", ReportAsync).RequireAuthorization(PropertyEndpoints.KeepersPolicy).WithSummary(
            "Record that the residents' committee received the project manager's report (default today).");
    }

    private static async Task<Created<ProjectManagerResponse>> AppointAsync(
        AppointProjectManagerRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var area = await AreaAccess.FindForAudienceAsync(request.AreaId!.Value, caller, db, owners: false, cancellationToken);
        var company = await CompanyAccess.OfCallerAsync(caller, db, cancellationToken);
        var now = clock.GetUtcNow();
        var current = await db.ProjectManagers.SingleOrDefaultAsync(p => p.AreaId == area.Id && p.EndedOn == null, cancellationToken);
        var appointment = ProjectManagerAppointment.Appoint(area.Id, company.Id, request.Name!, request.TookOfficeOn!.Value, current, now);
        db.ProjectManagers.Add(appointment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new DomainException(PropertyErrors.AppointmentDate, "Another project manager of the area was recorded at the same moment; read the list again.");
        }

        return TypedResults.Created($"/api/property/project-managers/{appointment.Id}", ProjectManagerResponse.From(appointment, DistrictClock.Today(now)));
    }

    private static async Task<Ok<PagedResult<ProjectManagerResponse>>> ListAsync(
        [AsParameters] ProjectManagerQuery query, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var today = DistrictClock.Today(clock.GetUtcNow());
        var managers = (await VisibleAsync(caller, db, cancellationToken)).AsNoTracking();
        managers = query.AreaId is { } areaId ? managers.Where(p => p.AreaId == areaId) : managers;
        if (query.Late == true)
        {
            managers = managers.Where(p => p.ReportedOn > p.ReportDueOn || (p.ReportedOn == null && p.ReportDueOn < today));
        }

        var listed = await managers.OrderByDescending(p => p.TookOfficeOn).ThenByDescending(p => p.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(p => ProjectManagerResponse.From(p, today)));
    }

    private static async Task<Ok<ProjectManagerResponse>> ReportAsync(
        Guid id, ProjectManagerReportRequest? request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var appointment = await (await VisibleAsync(caller, db, cancellationToken)).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(PropertyErrors.AppointmentNotFound, $"No project manager appointment {id} in your territory.");
        var now = clock.GetUtcNow();
        var today = DistrictClock.Today(now);
        appointment.RecordReport(request?.ReportedOn ?? today, caller.UserId()!, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProjectManagerResponse.From(appointment, today));
    }

    /// <summary>A company sees its own managers (wherever), a worker those of the areas in their territory.</summary>
    private static async Task<IQueryable<ProjectManagerAppointment>> VisibleAsync(ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        if (WorkOrders.WorkOrderAccess.IsCompany(caller))
        {
            var companies = CompanyAccess.OfCaller(caller, db).Select(c => c.Id);
            return db.ProjectManagers.Where(p => companies.Contains(p.CompanyId));
        }

        var areas = AreaAccess.InScope(db, await CallerScope.OfAsync(caller, db, cancellationToken)).Select(a => a.Id);
        return db.ProjectManagers.Where(p => areas.Contains(p.AreaId));
    }
}
