using Platform.Domain;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Every refusal of funding calls and proposals, each code with its kind, declared once.</summary>
public static class FundingErrors
{
    /// <summary>404: no funding call with that id in the district.</summary>
    public static readonly DomainError CallNotFound = DomainError.NotFound("socialorgs.call_not_found");

    /// <summary>404: no proposal with that id that the caller may see.</summary>
    public static readonly DomainError ProposalNotFound = DomainError.NotFound("socialorgs.proposal_not_found");

    /// <summary>400: a call whose title, funder, budget, categories, window or eligibility is unacceptable.</summary>
    public static readonly DomainError InvalidCall = DomainError.Invalid("socialorgs.invalid_call");

    /// <summary>400: a proposal whose content is unacceptable (budget lines not adding up to the amount asked, …).</summary>
    public static readonly DomainError InvalidProposal = DomainError.Invalid("socialorgs.invalid_proposal");

    /// <summary>400: a proposal in a category the call does not fund.</summary>
    public static readonly DomainError CategoryNotInCall = DomainError.Invalid("socialorgs.category_not_in_call");

    /// <summary>409: the call's window has not opened yet.</summary>
    public static readonly DomainError CallNotYetOpen = DomainError.Conflict("socialorgs.call_not_yet_open");

    /// <summary>409: the call's window has closed; no proposal is drafted, changed or submitted any more.</summary>
    public static readonly DomainError CallWindowClosed = DomainError.Conflict("socialorgs.call_window_closed");

    /// <summary>409: the organisation does not meet the call's eligibility.</summary>
    public static readonly DomainError NotEligible = DomainError.Conflict("socialorgs.not_eligible");

    /// <summary>409: the organisation has a proposal for the call already.</summary>
    public static readonly DomainError AlreadyProposed = DomainError.Conflict("socialorgs.already_proposed");

    /// <summary>409: the proposal has been submitted and cannot change.</summary>
    public static readonly DomainError ProposalSubmitted = DomainError.Conflict("socialorgs.proposal_submitted");
}
