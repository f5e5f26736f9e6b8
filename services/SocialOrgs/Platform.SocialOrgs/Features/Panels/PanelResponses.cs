using Platform.SocialOrgs.Domain.Funding;
using Platform.SocialOrgs.Features.Funding;

namespace Platform.SocialOrgs.Features.Panels;

/// <summary>A reviewer's scores of a proposal.</summary>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="Scores">Each criterion's score.</param>
/// <param name="WeightedTotal">The rubric's weighted total.</param>
/// <param name="SubmittedAt">When submitted.</param>
public sealed record ReviewResponse(string ReviewerId, IReadOnlyDictionary<string, int> Scores, decimal WeightedTotal, DateTimeOffset SubmittedAt)
{
    public static ReviewResponse From(Review review) => new(review.ReviewerId, review.Scores, review.WeightedTotal, review.SubmittedAt);
}

/// <summary>The reviews of a proposal a reviewer may see.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Hidden">True while the caller has not submitted their own review: then nothing else is shown.</param>
/// <param name="Reviews">Every review, once the caller has submitted theirs.</param>
/// <param name="Score">The mean of the weighted totals once there are enough reviews and the caller may see them.</param>
public sealed record ReviewsResponse(Guid ProposalId, bool Hidden, IReadOnlyList<ReviewResponse> Reviews, decimal? Score)
{
    public static ReviewsResponse Of(Panel panel, string reviewerId, Guid proposalId)
    {
        var seen = panel.ReviewsSeenBy(reviewerId, proposalId);
        return new(proposalId, seen.Count == 0, [.. seen.Select(ReviewResponse.From)], seen.Count == 0 ? null : panel.ScoreOf(proposalId));
    }
}

/// <summary>Where a reviewer stands with a proposal.</summary>
public enum ReviewerStanding
{
    /// <summary>Still to score.</summary>
    ToReview,

    /// <summary>Scored.</summary>
    Reviewed,

    /// <summary>Declared a conflict of interest: excluded.</summary>
    Conflicted,
}

/// <summary>A submitted proposal in a reviewer's queue.</summary>
/// <param name="Proposal">What it says.</param>
/// <param name="Standing">to_review, reviewed or conflicted.</param>
public sealed record QueuedProposalResponse(ProposalResponse Proposal, ReviewerStanding Standing);

/// <summary>A funder's view of the panel: who sits on it, the conflicts, and how far each proposal's reviews are.</summary>
/// <param name="CallId">The call.</param>
/// <param name="RubricId">The rubric scored against.</param>
/// <param name="Reviewers">The reviewers' user ids, in the order assigned.</param>
/// <param name="Conflicts">The conflicts declared.</param>
/// <param name="AwardsPublishedAt">When the awards were published; null before.</param>
public sealed record PanelResponse(Guid CallId, Guid RubricId, IReadOnlyList<string> Reviewers, IReadOnlyList<ConflictOfInterest> Conflicts, DateTimeOffset? AwardsPublishedAt)
{
    public static PanelResponse From(Panel panel) => new(panel.CallId, panel.RubricId, panel.Reviewers, panel.Conflicts, panel.AwardsPublishedAt);
}

/// <summary>A call's ranking: provisional for the funder until published, then the notice everyone reads.</summary>
/// <param name="CallId">The call.</param>
/// <param name="Budget">The budget, yuan.</param>
/// <param name="Published">Whether this is the published ranking.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Lines">Highest score first (ties: earlier submission), then the unranked.</param>
public sealed record RankingResponse(Guid CallId, decimal Budget, bool Published, DateTimeOffset? PublishedAt, IReadOnlyList<RankingLine> Lines);
