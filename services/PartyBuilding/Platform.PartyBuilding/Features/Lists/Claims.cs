using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Lists;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.PartyBuilding.Features.Lists;

/// <summary>A claim of a place on an opening.</summary>
/// <param name="WorkplaceId">For an official claiming on behalf of a reported unit; a member claims for themselves and leaves it out.</param>
/// <param name="StartsOn">The claim's first day (default: the opening's).</param>
/// <param name="EndsOn">The claim's last day (default: the opening's).</param>
public sealed record ClaimRequest(Guid? WorkplaceId, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>Why the community declines a claim.</summary>
/// <param name="Reason">The reason, e.g. 岗位已由社区安排.</param>
public sealed record DeclineClaimRequest(string? Reason) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Reason), OpeningClaim.NoteProblem(Reason)));
}

/// <summary>What came of a claim.</summary>
/// <param name="Completed">True when served to its end, false when given up.</param>
/// <param name="EndedOn">The day it was completed or given up (default today), which decides the period its points count in.</param>
/// <param name="Outcome">What was done, or why it was given up.</param>
public sealed record ClaimOutcomeRequest(bool? Completed, DateOnly? EndedOn, string? Outcome) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Completed), Completed is null ? "Required." : null),
        (nameof(Outcome), OpeningClaim.NoteProblem(Outcome)));
}

/// <summary>The filters of the claim list.</summary>
/// <param name="Opening">One opening's claims.</param>
/// <param name="MemberReport">One member report's claims.</param>
/// <param name="Status">claimed, confirmed, declined, completed or abandoned.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
public sealed record ClaimQuery(Guid? Opening, Guid? MemberReport, [property: WireName(typeof(ClaimStatus))] string? Status, int? Page, int? PageSize);

/// <summary>A claim.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="OpeningId">The opening claimed.</param>
/// <param name="MemberReportId">The member's report, for a member's claim.</param>
/// <param name="WorkplaceId">The workplace, for a unit's claim.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
/// <param name="StartsOn">The term's first day.</param>
/// <param name="EndsOn">The term's last day.</param>
/// <param name="Status">claimed, confirmed, declined, completed or abandoned.</param>
/// <param name="DecidedAt">When the community confirmed or declined it.</param>
/// <param name="DeclineReason">Why it was declined.</param>
/// <param name="EndedOn">When it was completed or abandoned.</param>
/// <param name="Outcome">What came of it.</param>
public sealed record ClaimResponse(
    Guid Id, Guid OpeningId, Guid? MemberReportId, Guid? WorkplaceId, DateTimeOffset ClaimedAt, DateOnly StartsOn, DateOnly EndsOn, ClaimStatus Status,
    DateTimeOffset? DecidedAt, string? DeclineReason, DateOnly? EndedOn, string? Outcome)
{
    public static ClaimResponse From(OpeningClaim claim) => new(
        claim.Id, claim.OpeningId, claim.MemberReportId, claim.WorkplaceId, claim.ClaimedAt, claim.StartsOn, claim.EndsOn, claim.Status, claim.DecidedAt,
        claim.DeclineReason, claim.EndedOn, claim.Outcome);
}

/// <summary>Claims (认领): members and units claim places, the community confirms or declines them and records their outcome.</summary>
internal static class Claims
{
    public static void Map(RouteGroupBuilder lists)
    {
        lists.MapPost("openings/{id:guid}/claims", ClaimAsync)
            .WithSummary("Claim a place: a member for themselves, an official for a reported unit (workplaceId). Beyond the capacity: 409 partybuilding.opening_full.");
        lists.MapGet("claims", ListAsync).WithSummary("Claims the caller sees (a member: their own), newest first; filter by opening, member report or status.");
        lists.MapPost("claims/{id:guid}/confirm", (Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                ActAsync(id, caller, db, claim => claim.Confirm(caller.UserId()!, clock.GetUtcNow()), cancellationToken))
            .RequireAuthorization(OrganisationEndpoints.OfficialsPolicy).WithSummary("The community confirms a waiting claim.");
        lists.MapPost("claims/{id:guid}/decline", (Guid id, DeclineClaimRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                ActAsync(id, caller, db, claim => claim.Decline(caller.UserId()!, request.Reason!, clock.GetUtcNow()), cancellationToken))
            .RequireAuthorization(OrganisationEndpoints.OfficialsPolicy).WithSummary("The community declines a waiting claim with a reason; its place is free again.");
        lists.MapPost("claims/{id:guid}/outcome", (Guid id, ClaimOutcomeRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                ActAsync(id, caller, db, claim =>
                {
                    var now = clock.GetUtcNow();
                    claim.End(request.Completed!.Value, request.EndedOn ?? DistrictClock.Today(now), request.Outcome!, caller.UserId()!, now);
                }, cancellationToken))
            .RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Record a claim's outcome: completed (earns the points per completed claim) or abandoned (costs the deduction); either frees its place.");
    }

    private static async Task<Created<ClaimResponse>> ClaimAsync(
        Guid id, ClaimRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        // The lock queues the claims of one opening: each sees every place taken before it, so none goes beyond the capacity.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ListAccess.LockOpeningAsync(id, db, cancellationToken);
        var opening = await access.FindOpeningAsync(id, db, cancellationToken);
        OpeningClaim claim;
        if (access.Reports.IsOfficial)
        {
            var workplaceId = request.WorkplaceId
                ?? throw new DomainException(PartyBuildingErrors.InvalidWorkplace, "An official claims on behalf of a reported unit: name its workplace.", "workplaceId");
            var unit = await db.UnitReports.AsNoTracking()
                .Where(r => r.WorkplaceId == workplaceId && r.Status == ReportStatus.Confirmed)
                .OrderByDescending(r => r.SubmittedAt).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException(PartyBuildingErrors.UnitNotReported, "The unit has no unit report its street confirmed.", "workplaceId");
            claim = opening.ClaimByUnit(unit, caller.UserId()!, request.StartsOn, request.EndsOn, now);
        }
        else
        {
            var report = await access.Reports.MemberReports(db).AsNoTracking().SingleOrDefaultAsync(r => r.Status == ReportStatus.Confirmed, cancellationToken)
                ?? throw new DomainException(PartyBuildingErrors.MemberNotReported, "Report to your community, and have it confirmed, before claiming.");
            claim = opening.ClaimByMember(report, request.StartsOn, request.EndsOn, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/partybuilding/claims/{claim.Id}", ClaimResponse.From(claim));
    }

    private static async Task<Ok<PagedResult<ClaimResponse>>> ListAsync(
        [AsParameters] ClaimQuery query, ClaimsPrincipal caller, PartyBuildingDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        var claims = access.Claims(db).AsNoTracking();
        if (query.Opening is { } opening)
        {
            claims = claims.Where(c => c.OpeningId == opening);
        }

        if (query.MemberReport is { } report)
        {
            claims = claims.Where(c => c.MemberReportId == report);
        }

        if (query.Status is not null)
        {
            var status = WireNames.Parse<ClaimStatus>(query.Status);
            claims = claims.Where(c => c.Status == status);
        }

        var listed = await claims.OrderByDescending(c => c.ClaimedAt).ThenBy(c => c.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(ClaimResponse.From));
    }

    private static async Task<Ok<ClaimResponse>> ActAsync(
        Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, Action<OpeningClaim> act, CancellationToken cancellationToken)
    {
        var access = await ListAccess.OfAsync(caller, db, cancellationToken);
        var claim = await access.Claims(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.ClaimNotFound, $"No claim {id} in your area.");
        act(claim);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ClaimResponse.From(claim));
    }
}
