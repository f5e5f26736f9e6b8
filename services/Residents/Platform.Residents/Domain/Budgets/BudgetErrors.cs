using Platform.Domain;

namespace Platform.Residents.Domain.Budgets;

/// <summary>Every refusal concerning a participatory budget, each code with its kind, declared once.</summary>
public static class BudgetErrors
{
    /// <summary>404: no budget with that id that the caller can see.</summary>
    public static readonly DomainError NotFound = DomainError.NotFound("budget.not_found");

    /// <summary>400: an amount, share, limit or title out of its range; the problem names the field.</summary>
    public static readonly DomainError InvalidArgument = DomainError.Invalid("budget.invalid_argument");

    /// <summary>400: a project code that is not 1–20 characters of A-Z a-z 0-9 _ -, or a cost not positive.</summary>
    public static readonly DomainError InvalidProject = DomainError.Invalid("budget.invalid_project");

    /// <summary>409: a project with that code is in the budget already.</summary>
    public static readonly DomainError DuplicateCode = DomainError.Conflict("budget.duplicate_code");

    /// <summary>409: the budget's status does not allow the step (projects while drafting, ballots while open …).</summary>
    public static readonly DomainError InvalidTransition = DomainError.Conflict("budget.invalid_transition");

    /// <summary>409: opening a vote on a budget without projects.</summary>
    public static readonly DomainError NoProjects = DomainError.Conflict("budget.no_projects");

    /// <summary>409: the resident has a ballot in this budget already, by any channel.</summary>
    public static readonly DomainError AlreadyVoted = DomainError.Conflict("budget.already_voted");

    /// <summary>400: a ballot that is empty, repeats or names an unknown code, or breaks its kind's rule.</summary>
    public static readonly DomainError InvalidBallot = DomainError.Invalid("budget.invalid_ballot");

    /// <summary>400: the resident is not registered in the budget's area or is younger than its minimum age.</summary>
    public static readonly DomainError NotEligible = DomainError.Invalid("budget.not_eligible");

    /// <summary>
    /// 403: a resident setting up a budget, entering a paper ballot or someone else's, or a worker entering an online one
    /// (online ballots are the residents' own).
    /// </summary>
    public static readonly DomainError ActionForbidden = DomainError.Forbidden("budget.action_forbidden");

    /// <summary>409: the result exists once the budget is closed.</summary>
    public static readonly DomainError NotClosed = DomainError.Conflict("budget.not_closed");
}
