namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>What became of a proposal in a call's ranking.</summary>
public enum AwardOutcome
{
    /// <summary>Awarded its amount.</summary>
    Awarded,

    /// <summary>Ranked, but its amount no longer fitted in the budget left.</summary>
    SkippedOverBudget,

    /// <summary>Not ranked: fewer reviews than a score needs.</summary>
    NotScored,
}

/// <summary>A submitted proposal as the awards see it.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Score">Its panel score, null when it has too few reviews.</param>
/// <param name="Amount">The amount asked, yuan.</param>
/// <param name="SubmittedAt">When it was submitted: ties go to the earlier one.</param>
public sealed record AwardCandidate(Guid ProposalId, decimal? Score, decimal Amount, DateTimeOffset SubmittedAt);

/// <summary>A line of the published ranking.</summary>
/// <param name="Rank">1 for the highest score; null when not scored.</param>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Score">Its score.</param>
/// <param name="Amount">The amount asked.</param>
/// <param name="Outcome">Awarded, skipped or not scored.</param>
/// <param name="BudgetLeft">The budget left after this line was decided.</param>
/// <param name="Reason">Why, in words for the notice.</param>
public sealed record RankingLine(int? Rank, Guid ProposalId, decimal? Score, decimal Amount, AwardOutcome Outcome, decimal BudgetLeft, string Reason);

/// <summary>
/// The awards of a call: the scored proposals by score, highest first (ties: the earlier submission first), each awarded
/// when its amount still fits in the budget left and skipped otherwise; proposals without a score follow, unranked. Equal
/// scores submitted at the same instant are ordered by proposal id, so the ranking never depends on the order given.
/// </summary>
public static class Awards
{
    /// <summary>The ranking with each proposal's outcome and reason, as the notice publishes it.</summary>
    public static IReadOnlyList<RankingLine> Decide(decimal budget, IEnumerable<AwardCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        var all = candidates.ToList();
        var left = budget;
        var lines = new List<RankingLine>(all.Count);
        var rank = 0;
        foreach (var candidate in all.Where(c => c.Score is not null).OrderByDescending(c => c.Score).ThenBy(c => c.SubmittedAt).ThenBy(c => c.ProposalId))
        {
            rank++;
            if (candidate.Amount <= left)
            {
                left -= candidate.Amount;
                lines.Add(new RankingLine(rank, candidate.ProposalId, candidate.Score, candidate.Amount, AwardOutcome.Awarded, left,
                    $"第{rank}名，评分 {candidate.Score:0.##}，申请 {candidate.Amount} 元，予以资助，余额 {left} 元。"));
            }
            else
            {
                lines.Add(new RankingLine(rank, candidate.ProposalId, candidate.Score, candidate.Amount, AwardOutcome.SkippedOverBudget, left,
                    $"第{rank}名，评分 {candidate.Score:0.##}，申请 {candidate.Amount} 元超出余额 {left} 元，未获资助。"));
            }
        }

        lines.AddRange(all.Where(c => c.Score is null).OrderBy(c => c.SubmittedAt).ThenBy(c => c.ProposalId).Select(c =>
            new RankingLine(null, c.ProposalId, null, c.Amount, AwardOutcome.NotScored, left, $"评审不足 {Panel.MinimumReviews} 份，未参与排名。")));
        return lines;
    }
}
