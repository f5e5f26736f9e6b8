using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Property.Data;
using Platform.Property.Domain.Committees;
using Platform.Property.Features.Areas;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Committees;

/// <summary>The preparatory group (筹备组) of a new owners' committee.</summary>
/// <param name="PreparatoryGroup">Its members: at least a community party representative and a residents'-committee member.</param>
public sealed record FormPreparatoryGroupRequest(IReadOnlyList<CommitteeMemberDto>? PreparatoryGroup) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(PreparatoryGroup), PreparatoryGroup is null || PreparatoryGroup.Any(m => m?.Name is null)
            ? "The preparatory group's members, each with a name."
            : Committee.PreparatoryGroupProblem([.. PreparatoryGroup.Select(m => m.ToMember())])));
}

/// <summary>An interim committee (物管会) the street forms.</summary>
/// <param name="Members">Its members: owners more than half, one chair who is a residents'-committee member.</param>
/// <param name="Reason"><c>cannot_form_assembly</c> or <c>failed_to_elect</c>.</param>
/// <param name="TermEndsAt">When its term ends: at most three years away.</param>
public sealed record FormInterimCommitteeRequest(IReadOnlyList<CommitteeMemberDto>? Members, InterimReason? Reason, DateTimeOffset? TermEndsAt) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Members), Members is null || Members.Any(m => m?.Name is null)
            ? "The members, each with a name."
            : Committee.InterimMembersProblem([.. Members.Select(m => m.ToMember())])),
        (nameof(Reason), Reason is null ? "cannot_form_assembly or failed_to_elect." : null),
        (nameof(TermEndsAt), TermEndsAt is null ? "When the term ends is required." : null));
}

/// <summary>Starts an area's owners' committee with its preparatory group, or the street's interim committee.</summary>
internal static class FormCommittee
{
    public static void Map(IEndpointRouteBuilder areas)
    {
        areas.MapPost("{areaId:guid}/committees", FormPreparatoryGroupAsync).WithSummary(
            "Form the preparatory group (筹备组) of an owners' committee; it includes a community party representative and a residents'-committee member. 409 property.committee_under_way while another is under way.");
        areas.MapPost("{areaId:guid}/interim-committees", FormInterimAsync).RequireAuthorization(PropertyEndpoints.StreetPolicy).WithSummary(
            "The street forms an interim committee (物管会): owners more than half, a residents'-committee member chairs, term at most 3 years; 409 property.committee_under_way while a committee is active.");
        areas.MapGet("{areaId:guid}/committees", ListAsync).WithSummary("The area's committees, newest first: those under way, active and ended.");
    }

    private static async Task<Results<Created<CommitteeResponse>, ValidationProblem>> FormPreparatoryGroupAsync(
        Guid areaId, FormPreparatoryGroupRequest request, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var group = request.PreparatoryGroup!.Select(m => m.ToMember()).ToList();
        await CommitteeAccess.EnsureOwnersOfAsync(area.Id, group.Select(m => m.OwnerId), "preparatoryGroup", db, cancellationToken);
        if (await db.Committees.AnyAsync(c => c.AreaId == area.Id && c.Kind == CommitteeKind.OwnersCommittee && c.EndedAt == null && c.Stage != CommitteeStage.Active, cancellationToken))
        {
            throw CommitteeAccess.UnderWay();
        }

        return await CommitteeAccess.CreatedAsync(
            Committee.FormPreparatoryGroup(area.Id, group, caller.UserId()!, now), tenant.TenantId!.Value, db, now, cancellationToken);
    }

    private static async Task<Results<Created<CommitteeResponse>, ValidationProblem>> FormInterimAsync(
        Guid areaId, FormInterimCommitteeRequest request, ClaimsPrincipal caller, PropertyDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var members = request.Members!.Select(m => m.ToMember()).ToList();
        await CommitteeAccess.EnsureOwnersOfAsync(area.Id, members.Select(m => m.OwnerId), "members", db, cancellationToken);
        if (await db.Committees.AnyAsync(c => c.AreaId == area.Id && c.Stage == CommitteeStage.Active, cancellationToken))
        {
            throw CommitteeAccess.UnderWay();
        }

        return await CommitteeAccess.CreatedAsync(
            Committee.FormInterim(area.Id, members, request.Reason!.Value, request.TermEndsAt!.Value, caller.UserId()!, now), tenant.TenantId!.Value, db, now,
            cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<CommitteeResponse>>> ListAsync(Guid areaId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var committees = await db.Committees.AsNoTracking().Where(c => c.AreaId == area.Id).OrderByDescending(c => c.FormedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CommitteeResponse>>([.. committees.Select(CommitteeResponse.From)]);
    }
}
