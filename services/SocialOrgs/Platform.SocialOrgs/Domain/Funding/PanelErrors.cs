using Platform.Domain;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Every refusal of a call's review panel, each code with its kind, declared once.</summary>
public static class PanelErrors
{
    /// <summary>404: the caller is not a reviewer of the call (so its proposals are not theirs to see).</summary>
    public static readonly DomainError NotAReviewer = DomainError.NotFound("socialorgs.not_a_reviewer");

    /// <summary>409: the reviewer is on the panel already.</summary>
    public static readonly DomainError AlreadyReviewer = DomainError.Conflict("socialorgs.already_reviewer");

    /// <summary>409: the reviewer declared a conflict of interest with the proposal and is excluded from it.</summary>
    public static readonly DomainError ReviewerConflicted = DomainError.Conflict("socialorgs.reviewer_conflicted");

    /// <summary>409: the reviewer has reviewed the proposal already.</summary>
    public static readonly DomainError AlreadyReviewed = DomainError.Conflict("socialorgs.already_reviewed");

    /// <summary>409: the panel scores only submitted proposals, once the call's window has closed.</summary>
    public static readonly DomainError NotReviewable = DomainError.Conflict("socialorgs.proposal_not_reviewable");

    /// <summary>409: the awards are decided only once the call's window has closed.</summary>
    public static readonly DomainError AwardsNotDue = DomainError.Conflict("socialorgs.awards_not_due");

    /// <summary>409: the awards are published; the panel no longer changes.</summary>
    public static readonly DomainError AwardsPublished = DomainError.Conflict("socialorgs.awards_published");

    /// <summary>404: the call's ranking is not published yet (only funders see it before).</summary>
    public static readonly DomainError RankingNotPublished = DomainError.NotFound("socialorgs.ranking_not_published");

    /// <summary>409: someone else changed the panel at the same moment; the request may be sent again.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict("socialorgs.panel_changed_concurrently");
}
