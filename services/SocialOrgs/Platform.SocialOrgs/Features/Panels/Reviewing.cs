using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults;
using Platform.SocialOrgs.Data;
using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Features.Funding;

namespace Platform.SocialOrgs.Features.Panels;

/// <summary>The submitted proposals of a call, for one of its reviewers, with where they stand with each.</summary>
internal static class ReviewQueue
{
    public static void Map(RouteGroupBuilder reviewing) =>
        reviewing.MapGet("calls/{callId:guid}/review-queue", HandleAsync)
            .WithSummary("For a reviewer of the call: its submitted proposals in order of submission, each to_review, reviewed or conflicted.");

    private static async Task<Ok<IReadOnlyList<QueuedProposalResponse>>> HandleAsync(
        Guid callId, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var reviewer = caller.UserId()!;
        var panel = await PanelEndpoints.OfReviewerAsync(callId, reviewer, db, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.CallId == callId && p.Status == ProposalStatus.Submitted)
            .OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<QueuedProposalResponse>>([.. proposals.Select(p => new QueuedProposalResponse(
            ProposalResponse.From(p),
            panel.IsConflicted(reviewer, p.Id) ? ReviewerStanding.Conflicted
            : panel.Reviews.Any(r => r.ProposalId == p.Id && r.ReviewerId == reviewer) ? ReviewerStanding.Reviewed
            : ReviewerStanding.ToReview))]);
    }
}

/// <summary>Why a reviewer cannot judge a proposal fairly.</summary>
/// <param name="Reason">E.g. 曾在该机构任职.</param>
public sealed record DeclareConflictRequest([property: Required, MaxLength(Panel.ReasonMaxLength)] string? Reason);

/// <summary>A reviewer declares a conflict of interest with a proposal and is excluded from it.</summary>
internal static class DeclareConflict
{
    public static void Map(RouteGroupBuilder reviewing) =>
        reviewing.MapPost("proposals/{id:guid}/conflicts", HandleAsync)
            .WithSummary("Declare a conflict of interest with a proposal: the caller is excluded from it, and a review they made of it is withdrawn.");

    private static async Task<Ok<ReviewsResponse>> HandleAsync(
        Guid id, DeclareConflictRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reviewer = caller.UserId()!;
        var (proposal, panel) = await PanelEndpoints.ProposalForReviewerAsync(id, reviewer, db, cancellationToken);
        panel.DeclareConflict(reviewer, proposal, request.Reason!, clock.GetUtcNow());
        await PanelEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Ok(ReviewsResponse.Of(panel, reviewer, id));
    }
}

/// <summary>A reviewer's score of every criterion of the call's rubric.</summary>
/// <param name="Scores">Criterion name → score, 0–5.</param>
public sealed record ScoreRequest([property: Required, MinLength(1)] IReadOnlyDictionary<string, int>? Scores);

/// <summary>A reviewer scores a submitted proposal once the window has closed; then they see the others' reviews.</summary>
internal static class ScoreProposal
{
    public static void Map(RouteGroupBuilder reviewing) =>
        reviewing.MapPost("proposals/{id:guid}/reviews", HandleAsync)
            .WithSummary("Score every criterion of the call's rubric for a submitted proposal, once the window has closed; the answer shows every review.");

    private static async Task<Created<ReviewsResponse>> HandleAsync(
        Guid id, ScoreRequest request, ClaimsPrincipal caller, SocialOrgsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reviewer = caller.UserId()!;
        var (proposal, panel) = await PanelEndpoints.ProposalForReviewerAsync(id, reviewer, db, cancellationToken);
        panel.Score(reviewer, proposal, request.Scores!, clock.GetUtcNow());
        await PanelEndpoints.SaveAsync(db, cancellationToken);
        return TypedResults.Created($"/api/socialorgs/proposals/{id}/reviews", ReviewsResponse.Of(panel, reviewer, id));
    }
}

/// <summary>The reviews of a proposal a reviewer may see: none until they have submitted their own.</summary>
internal static class GetReviews
{
    public static void Map(RouteGroupBuilder reviewing) =>
        reviewing.MapGet("proposals/{id:guid}/reviews", HandleAsync)
            .WithSummary("For a reviewer: the proposal's reviews and score, hidden until the caller has submitted their own review.");

    private static async Task<Ok<ReviewsResponse>> HandleAsync(Guid id, ClaimsPrincipal caller, SocialOrgsDbContext db, CancellationToken cancellationToken)
    {
        var reviewer = caller.UserId()!;
        var (_, panel) = await PanelEndpoints.ProposalForReviewerAsync(id, reviewer, db, cancellationToken);
        return TypedResults.Ok(ReviewsResponse.Of(panel, reviewer, id));
    }
}
