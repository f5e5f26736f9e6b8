using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain;

namespace Platform.SocialOrgs.Features.Panels;

/// <summary>A reviewer to assign.</summary>
/// <param name="UserId">The reviewer's user id.</param>
public sealed record AssignReviewerRequest([property: Required, MaxLength(OrganisationMember.UserIdMaxLength)] string? UserId);

/// <summary>The funder assigns a reviewer to a call's panel; the first assignment sets the panel up.</summary>
internal static class AssignReviewer
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapPost("calls/{callId:guid}/reviewers", HandleAsync).WithSummary("Assign a reviewer (a user id) to the call's panel.");

    private static async Task<Ok<PanelResponse>> HandleAsync(AssignReviewerRequest request, Guid callId, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var panel = await PanelEndpoints.FindOrStartAsync(callId, db, cancellationToken);
        panel.Assign(request.UserId!.Trim());
        await PanelEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(PanelResponse.From(panel));
    }
}

/// <summary>The funder's view of a call's panel.</summary>
internal static class GetPanel
{
    public static void Map(RouteGroupBuilder funders) =>
        funders.MapGet("calls/{callId:guid}/panel", HandleAsync).WithSummary("The call's reviewers and declared conflicts (scores stay with the reviewers and the ranking).");

    private static async Task<Ok<PanelResponse>> HandleAsync(Guid callId, SocialOrgsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(PanelResponse.From(await PanelEndpoints.FindOrStartAsync(callId, db, cancellationToken)));
}
