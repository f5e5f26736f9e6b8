using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Messaging.Outbox;
using Platform.PartyBuilding.Contracts;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain.Reporting;
using Platform.PartyBuilding.Features.Organisations;
using Platform.ServiceDefaults;

namespace Platform.PartyBuilding.Features.Reporting;

/// <summary>Why a report goes back to the member or the unit.</summary>
/// <param name="Reason">The reason, e.g. 地址与户籍不符.</param>
public sealed record ReturnReportRequest(string? Reason) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Reason), Report.ReasonProblem(Reason)));
}

/// <summary>
/// The community (for a member's report) or the street (for a unit's) confirms a submitted report or returns it with a
/// reason; a report ends when the member moves away or the agreement ends (the member may end their own).
/// </summary>
internal static class DecideReport
{
    public static void Map(RouteGroupBuilder reporting)
    {
        reporting.MapPost("reports/{id:guid}/confirm", ConfirmAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Confirm a submitted member or unit report sent inside the caller's scope.");
        reporting.MapPost("reports/{id:guid}/return", ReturnAsync).RequireAuthorization(OrganisationEndpoints.OfficialsPolicy)
            .WithSummary("Return a submitted member or unit report with a reason; the member or unit may report again.");
        reporting.MapPost("reports/{id:guid}/end", EndAsync)
            .WithSummary("End a submitted or confirmed report (the member moved away, the agreement ended); its history stays.");
    }

    private static Task<Ok<ReportStateResponse>> ConfirmAsync(
        Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(
            id, caller, db,
            report =>
            {
                var now = clock.GetUtcNow();
                report.Confirm(caller.UserId()!, now);
                if (report is MemberReport member)
                {
                    // Through the outbox, in the same transaction as the confirmation.
                    db.AddIntegrationEvent(new PartyMemberReportConfirmedIntegrationEvent
                    {
                        TenantId = member.TenantId,
                        OccurredAt = now,
                        ReportId = member.Id,
                        UserId = member.UserId,
                        CommunityNodeId = member.CommunityNodeId,
                        WorkplaceId = member.WorkplaceId,
                    });
                }
            },
            cancellationToken);

    private static Task<Ok<ReportStateResponse>> ReturnAsync(
        Guid id, ReturnReportRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, caller, db, report => report.Return(caller.UserId()!, request.Reason!, clock.GetUtcNow()), cancellationToken);

    private static Task<Ok<ReportStateResponse>> EndAsync(
        Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        DecideAsync(id, caller, db, report => report.End(clock.GetUtcNow()), cancellationToken);

    private static async Task<Ok<ReportStateResponse>> DecideAsync(
        Guid id, ClaimsPrincipal caller, PartyBuildingDbContext db, Action<Report> decide, CancellationToken cancellationToken)
    {
        var access = await ReportAccess.OfAsync(caller, db, cancellationToken);
        var report = await access.FindAsync(id, db, cancellationToken);
        decide(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReportStateResponse.From(report));
    }
}
