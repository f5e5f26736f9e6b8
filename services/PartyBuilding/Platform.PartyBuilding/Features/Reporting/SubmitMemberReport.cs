using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PersonalData;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>A party member's report to the community where they live.</summary>
/// <param name="Name">Name, e.g. 王建国.</param>
/// <param name="IdNumber">Resident ID number (18 characters); stored encrypted, shown masked.</param>
/// <param name="Phone">Mainland mobile number; stored encrypted, shown masked.</param>
/// <param name="Employment">in_service or retired.</param>
/// <param name="Skills">Skills offered, at most ten.</param>
/// <param name="Availability">When they can serve.</param>
/// <param name="CommunityNodeId">The community (or village) where they live.</param>
/// <param name="AddressNodeId">Their address in it (a building, a unit); the community itself by default.</param>
/// <param name="WorkplaceId">Their workplace party organisation, one of the district's.</param>
/// <param name="CommitmentVersion">The version of the commitment text they sign: the current one.</param>
public sealed record SubmitMemberReportRequest(
    string? Name, string? IdNumber, string? Phone, EmploymentStatus? Employment, IReadOnlyList<string>? Skills, string? Availability,
    Guid? CommunityNodeId, Guid? AddressNodeId, Guid? WorkplaceId, int? CommitmentVersion) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An ID number's birth date cannot lie in the future: the check needs the day it is in the district.
        var today = DistrictClock.Today(validationContext.GetRequiredService<TimeProvider>().GetUtcNow());
        return FieldChecks.Problems(
            (nameof(Name), TextRules.Problem(Name, ReportingMember.NameMaxLength)),
            (nameof(IdNumber), ChineseIdNumber.TryParse(IdNumber, today, out _, out var idNumberProblem) ? null : idNumberProblem),
            (nameof(Phone), MobilePhone.TryParse(Phone, out _, out var phoneProblem) ? null : phoneProblem),
            (nameof(Employment), Employment is null ? "Required." : null),
            (nameof(Skills), ReportingMember.SkillsProblem(Skills)),
            (nameof(Availability), ReportingMember.AvailabilityProblem(Availability)),
            (nameof(CommunityNodeId), CommunityNodeId is null ? "Required." : null),
            (nameof(WorkplaceId), WorkplaceId is null ? "Required." : null),
            (nameof(CommitmentVersion), CommitmentVersion is null ? "Required: the version of the commitment text signed." : null));
    }

    /// <summary>The member as the report keeps them; the request's validation has accepted the fields.</summary>
    public ReportingMember ToMember(DateOnly today) =>
        ChineseIdNumber.TryParse(IdNumber, today, out var idNumber, out var idProblem) && MobilePhone.TryParse(Phone, out var phone, out _)
            ? new ReportingMember(Name!, idNumber, phone, Employment!.Value, Skills ?? [], Availability)
            : throw new InvalidOperationException($"The request's validation let a malformed ID number or phone through: {idProblem}");
}

/// <summary>A party member reports to the community where they live (个人报到); one community at a time.</summary>
internal static class SubmitMemberReport
{
    public static void Map(RouteGroupBuilder reporting) =>
        reporting.MapPost("member-reports", HandleAsync).RequireAuthorization(ReportingEndpoints.MembersPolicy)
            .WithSummary("Report to the community where you live, signing the current commitment; the community confirms or returns it.");

    private static async Task<Created<MemberReportResponse>> HandleAsync(
        SubmitMemberReportRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, PersonalDataProtector protector, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var userId = caller.UserId()!;
        var community = await NodeAsync(request.CommunityNodeId!.Value, "communityNodeId", db, cancellationToken);
        var address = request.AddressNodeId is { } addressId && addressId != community.Id
            ? await NodeAsync(addressId, "addressNodeId", db, cancellationToken)
            : community;
        var workplace = await db.Workplaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == request.WorkplaceId, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.InvalidWorkplace, $"No workplace party organisation {request.WorkplaceId} in the district.", "workplaceId");
        var report = MemberReport.Submit(
            userId, request.ToMember(DistrictClock.Today(now)), community, address, workplace, await Commitment.CurrentAsync(db, cancellationToken),
            request.CommitmentVersion!.Value, protector, now);
        // Checked here as well as by the index: the index decides a race, this gives the ordinary case its own answer.
        if (await db.MemberReports.AnyAsync(r => r.UserId == userId && Report.OpenStatuses.Contains(r.Status), cancellationToken))
        {
            throw AlreadyReported();
        }

        db.MemberReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw AlreadyReported();
        }

        return TypedResults.Created($"/api/partybuilding/member-reports/{report.Id}", MemberReportResponse.From(report, DistrictClock.Today(now)));
    }

    private static async Task<TerritoryReplicaNode> NodeAsync(Guid id, string field, PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.InvalidNode, $"No node {id} in the district.", field);

    private static DomainException AlreadyReported() =>
        new(PartyBuildingErrors.AlreadyReported, "You are reported to a community already, or wait for one to confirm; end that report first.");
}
