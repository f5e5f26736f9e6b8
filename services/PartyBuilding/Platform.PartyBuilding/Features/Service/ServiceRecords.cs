using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Organisations;
using Platform.PartyBuilding.Features.Reporting;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Service;

/// <summary>Service the community records directly for a reported member.</summary>
/// <param name="MemberReportId">The member's confirmed report.</param>
/// <param name="Category">The category's wire name, e.g. <c>patrol</c>, which the points rules rate.</param>
/// <param name="Title">What the service was, e.g. 民情前哨巡查.</param>
/// <param name="StartsAt">When it started.</param>
/// <param name="EndsAt">When it ended (at most 24 hours later, not in the future).</param>
/// <param name="Evidence">What shows it took place (sign-in sheet, photos).</param>
public sealed record RecordServiceRequest(Guid? MemberReportId, string? Category, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Evidence)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems(
            (nameof(MemberReportId), MemberReportId is null ? "Required." : null),
            (nameof(Category), ServiceRecord.CategoryProblem(Category)),
            (nameof(Title), ServiceRecord.TitleProblem(Title)),
            (nameof(EndsAt), ServiceRecord.SpanProblem(StartsAt, EndsAt)),
            (nameof(Evidence), ServiceRecord.EvidenceProblem(Evidence)));
}

/// <summary>The rating the residents served gave a service.</summary>
/// <param name="Rating">1 to 5.</param>
public sealed record RateServiceRequest(int? Rating) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Rating), ServiceRecord.RatingProblem(Rating)));
}

/// <summary>The filters of the service-record list.</summary>
/// <param name="MemberReport">One member report's service.</param>
/// <param name="Period">A year (<c>2026</c>) or quarter (<c>2026-Q4</c>) the service started in.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record ServiceRecordQuery(Guid? MemberReport, [property: ServicePeriod] string? Period, int? Page, int? PageSize);

/// <summary>A member's service record.</summary>
/// <param name="Id">Stable id (the time bank's record id for its records).</param>
/// <param name="MemberReportId">The member report it counts for.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="CommunityNodeId">The community reported to.</param>
/// <param name="Source">time_bank or community.</param>
/// <param name="Category">The category's wire name.</param>
/// <param name="Title">What the service was.</param>
/// <param name="StartsAt">When it started.</param>
/// <param name="EndsAt">When it ended.</param>
/// <param name="Minutes">Whole minutes counted.</param>
/// <param name="Evidence">What shows it took place (a community record).</param>
/// <param name="Rating">The residents' rating, 1–5.</param>
/// <param name="ReversedAt">When its credit was reversed: then it counts for nothing.</param>
public sealed record ServiceRecordResponse(
    Guid Id, Guid MemberReportId, string UserId, Guid CommunityNodeId, ServiceSource Source, string Category, string Title, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, long Minutes, string? Evidence, int? Rating, DateTimeOffset? ReversedAt)
{
    public static ServiceRecordResponse From(ServiceRecord record) => new(
        record.Id, record.MemberReportId, record.UserId, record.CommunityNodeId, record.Source, record.Category, record.Title, record.StartsAt,
        record.EndsAt, record.Minutes, record.Evidence, record.Rating, record.ReversedAt);
}

/// <summary>The service records the caller sees, service the community records directly, and the residents' ratings.</summary>
internal static class ServiceRecords
{
    public static void Map(RouteGroupBuilder service)
    {
        service.MapGet("service-records", ListAsync)
            .WithSummary("Service records of the member reports the caller sees (a member: their own), newest service first; filter by member report or period.");
        service.MapPost("service-records", RecordAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record service a reported member gave, with evidence; it counts for their points like a time-bank shift.");
        service.MapPost("service-records/{id:guid}/rating", RateAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Enter the rating (1–5) the residents served gave a service; a later rating replaces it.");
    }

    /// <summary>The service records the caller sees, narrowed by the query's member report and period.</summary>
    public static IQueryable<ServiceRecord> Filtered(IQueryable<ServiceRecord> records, Guid? memberReportId, string? period)
    {
        if (memberReportId is { } reportId)
        {
            records = records.Where(r => r.MemberReportId == reportId);
        }

        if (ServicePeriod.TryParse(period, out var within))
        {
            var (first, last) = (within.FirstDay, within.LastDay);
            records = records.Where(r => r.ServiceDate >= first && r.ServiceDate <= last);
        }

        return records;
    }

    private static async Task<Ok<PagedResult<ServiceRecordResponse>>> ListAsync(
        [AsParameters] ServiceRecordQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var records = Filtered(access.ServiceRecords(db).AsNoTracking(), query.MemberReport, query.Period);
        var page = await records.OrderByDescending(r => r.StartsAt).ThenBy(r => r.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(page.Map(ServiceRecordResponse.From));
    }

    private static async Task<Created<ServiceRecordResponse>> RecordAsync(
        RecordServiceRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var report = await access.MemberReports(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.MemberReportId, cancellationToken)
            ?? throw ReportAccess.NotFound(request.MemberReportId!.Value);
        var record = ServiceRecord.ByCommunity(
            report, request.Category!, request.Title!, request.StartsAt!.Value, request.EndsAt!.Value, request.Evidence!, caller.UserId()!, clock.GetUtcNow());
        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/partybuilding/service-records/{record.Id}", ServiceRecordResponse.From(record));
    }

    private static async Task<Ok<ServiceRecordResponse>> RateAsync(
        Guid id, RateServiceRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var record = await access.ServiceRecords(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.ServiceRecordNotFound, $"No service record {id} in your area.");
        record.Rate(request.Rating!.Value, caller.UserId()!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ServiceRecordResponse.From(record));
    }
}
