using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.SocialOrgs.Domain.Incubations;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>A reviewer's scores of one proposal against the call's rubric, and their weighted total.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="ReviewerId">The reviewer (a user id).</param>
/// <param name="Scores">Each criterion's score, 0–5.</param>
/// <param name="WeightedTotal">The rubric's weighted total of the scores.</param>
/// <param name="SubmittedAt">When the reviewer submitted it.</param>
public sealed record Review(Guid ProposalId, string ReviewerId, IReadOnlyDictionary<string, int> Scores, decimal WeightedTotal, DateTimeOffset SubmittedAt);

/// <summary>A reviewer's declaration that they may not judge a proposal fairly (they work for or with the organisation, …).</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="Reason">Why.</param>
/// <param name="DeclaredAt">When.</param>
public sealed record ConflictOfInterest(Guid ProposalId, string ReviewerId, string Reason, DateTimeOffset DeclaredAt);

/// <summary>
/// The independent reviewers a funder assigns to a call (评审专家). A reviewer who declares a conflict of interest with a
/// proposal is excluded from it (a review they made of it is withdrawn); every other reviewer scores every criterion of
/// the call's rubric for each submitted proposal once the window has closed, and sees no other reviewer's score of a
/// proposal until they have submitted their own. A proposal's score is the mean of its reviewers' weighted totals, and
/// needs at least <see cref="MinimumReviews"/> reviews. Once the window has closed the funder publishes the awards
/// (<see cref="Awards"/>), after which the panel is as it is.
/// </summary>
public sealed class Panel : ITenantOwned
{
    /// <summary>The fewest reviews that give a proposal a score.</summary>
    public const int MinimumReviews = 2;

    /// <summary>The longest reason of a conflict.</summary>
    public const int ReasonMaxLength = 200;

    private readonly List<string> _reviewers = [];
    private readonly List<ConflictOfInterest> _conflicts = [];
    private readonly List<Review> _reviews = [];
    private readonly List<RankingLine> _ranking = [];

    private Panel()
    {
    }

    /// <summary>A panel for <paramref name="call"/>, scoring against <paramref name="rubric"/>.</summary>
    public Panel(FundingCall call, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(rubric);
        if (call.RubricId != rubric.Id)
        {
            throw new ArgumentException("Not the call's rubric.", nameof(rubric));
        }

        CallId = call.Id;
        Call = call;
        RubricId = rubric.Id;
        Rubric = rubric;
    }

    /// <summary>The call's id: one panel per call.</summary>
    public Guid CallId { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The call.</summary>
    public FundingCall Call { get; private set; } = null!;

    /// <summary>The rubric's id.</summary>
    public Guid RubricId { get; private set; }

    /// <summary>The rubric scored against.</summary>
    public Rubric Rubric { get; private set; } = null!;

    /// <summary>When the awards were published; null before.</summary>
    public DateTimeOffset? AwardsPublishedAt { get; private set; }

    /// <summary>The published ranking; empty before the awards are published.</summary>
    public IReadOnlyList<RankingLine> Ranking => _ranking;

    /// <summary>The reviewers' user ids, in the order assigned.</summary>
    public IReadOnlyList<string> Reviewers => _reviewers;

    /// <summary>The conflicts declared.</summary>
    public IReadOnlyList<ConflictOfInterest> Conflicts => _conflicts;

    /// <summary>Every review, in the order submitted.</summary>
    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>The funder assigns a reviewer.</summary>
    /// <exception cref="DomainException">They are on the panel already.</exception>
    public void Assign(string reviewerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        EnsureNotPublished();
        if (_reviewers.Contains(reviewerId))
        {
            throw new DomainException(PanelErrors.AlreadyReviewer, $"{reviewerId} is on the panel already.");
        }

        _reviewers.Add(reviewerId);
    }

    /// <summary>A reviewer declares a conflict of interest with a proposal: they are excluded from it, and a review they made of it is withdrawn.</summary>
    /// <exception cref="DomainException">Not a reviewer of the call, or conflicted already.</exception>
    public void DeclareConflict(string reviewerId, Proposal proposal, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        EnsureReviewer(reviewerId);
        EnsureOfThisCall(proposal);
        EnsureNotPublished();
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            throw new ArgumentException($"A reason of at most {ReasonMaxLength} characters.", nameof(reason));
        }

        if (IsConflicted(reviewerId, proposal.Id))
        {
            throw new DomainException(PanelErrors.ReviewerConflicted, "The conflict is declared already.");
        }

        _reviews.RemoveAll(r => r.ProposalId == proposal.Id && r.ReviewerId == reviewerId);
        _conflicts.Add(new ConflictOfInterest(proposal.Id, reviewerId, reason.Trim(), now));
    }

    /// <summary>Whether the reviewer is excluded from the proposal.</summary>
    public bool IsConflicted(string reviewerId, Guid proposalId) => _conflicts.Any(c => c.ReviewerId == reviewerId && c.ProposalId == proposalId);

    /// <summary>A reviewer scores every criterion of the rubric for a submitted proposal, once the window has closed.</summary>
    /// <exception cref="DomainException">
    /// Not a reviewer, conflicted, reviewed already, the proposal not submitted or the window still open, or the scores do
    /// not fit the rubric (a criterion missing or unknown, a score outside 0–5).
    /// </exception>
    public Review Score(string reviewerId, Proposal proposal, IReadOnlyDictionary<string, int> scores, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        EnsureReviewer(reviewerId);
        EnsureOfThisCall(proposal);
        EnsureNotPublished();
        if (proposal.Status != ProposalStatus.Submitted || Call.PhaseAt(now) != CallPhase.Closed)
        {
            throw new DomainException(PanelErrors.NotReviewable, "The panel scores submitted proposals once the call's window has closed.");
        }

        if (IsConflicted(reviewerId, proposal.Id))
        {
            throw new DomainException(PanelErrors.ReviewerConflicted, "You declared a conflict of interest with this proposal and are excluded from it.");
        }

        if (_reviews.Any(r => r.ProposalId == proposal.Id && r.ReviewerId == reviewerId))
        {
            throw new DomainException(PanelErrors.AlreadyReviewed, "You have reviewed this proposal already.");
        }

        var review = new Review(proposal.Id, reviewerId, new Dictionary<string, int>(scores, StringComparer.Ordinal), Rubric.WeightedTotal(scores), now);
        _reviews.Add(review);
        return review;
    }

    /// <summary>
    /// The reviews of a proposal that <paramref name="reviewerId"/> may see: none before they have submitted their own
    /// (and so none while they are conflicted), every one after.
    /// </summary>
    /// <exception cref="DomainException">Not a reviewer of the call.</exception>
    public IReadOnlyList<Review> ReviewsSeenBy(string reviewerId, Guid proposalId)
    {
        EnsureReviewer(reviewerId);
        var ofProposal = _reviews.Where(r => r.ProposalId == proposalId).ToList();
        return ofProposal.Any(r => r.ReviewerId == reviewerId) ? ofProposal : [];
    }

    /// <summary>The proposal's score: the mean of its reviewers' weighted totals, or null with fewer than <see cref="MinimumReviews"/>.</summary>
    public decimal? ScoreOf(Guid proposalId) => MeanOf([.. _reviews.Where(r => r.ProposalId == proposalId).Select(r => r.WeightedTotal)]);

    /// <summary>The mean of weighted totals (exact to decimal's precision), or null with fewer than <see cref="MinimumReviews"/>.</summary>
    public static decimal? MeanOf(IReadOnlyCollection<decimal> weightedTotals)
    {
        ArgumentNullException.ThrowIfNull(weightedTotals);
        return weightedTotals.Count < MinimumReviews ? null : weightedTotals.Sum() / weightedTotals.Count;
    }

    /// <summary>The ranking the submitted proposals would have now: the published one once the awards are out.</summary>
    /// <param name="proposals">The call's proposals; drafts are left out.</param>
    public IReadOnlyList<RankingLine> RankingOf(IEnumerable<Proposal> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        return AwardsPublishedAt is null
            ? Awards.Decide(Call.Budget, proposals.Where(p => p.CallId == Call.Id && p.Status == ProposalStatus.Submitted)
                .Select(p => new AwardCandidate(p.Id, ScoreOf(p.Id), p.Amount, p.SubmittedAt!.Value)))
            : _ranking;
    }

    /// <summary>The funder publishes the awards once the window has closed: the ranking is decided and no longer changes.</summary>
    /// <param name="proposals">The call's proposals; drafts are left out.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainException">The window is still open, or the awards are out already.</exception>
    public IReadOnlyList<RankingLine> PublishAwards(IEnumerable<Proposal> proposals, DateTimeOffset now)
    {
        EnsureNotPublished();
        if (Call.PhaseAt(now) != CallPhase.Closed)
        {
            throw new DomainException(PanelErrors.AwardsNotDue, $"The awards are decided once the call's window has closed at {Call.ClosesAt:u}.");
        }

        _ranking.AddRange(RankingOf(proposals));
        AwardsPublishedAt = now;
        return _ranking;
    }

    private void EnsureNotPublished()
    {
        if (AwardsPublishedAt is not null)
        {
            throw new DomainException(PanelErrors.AwardsPublished, "The awards of this call are published; the panel's work is done.");
        }
    }

    private void EnsureReviewer(string reviewerId)
    {
        if (!_reviewers.Contains(reviewerId))
        {
            throw new DomainException(PanelErrors.NotAReviewer, "You are not a reviewer of this call.");
        }
    }

    private void EnsureOfThisCall(Proposal proposal)
    {
        if (proposal.CallId != Call.Id)
        {
            throw new ArgumentException("Not a proposal to the panel's call.", nameof(proposal));
        }
    }
}
