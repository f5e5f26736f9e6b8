using Platform.Domain;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Every refusal of contracts, tranches and evaluations, each code with its kind, declared once.</summary>
public static class ContractErrors
{
    /// <summary>404: no contract with that id the caller may see.</summary>
    public static readonly DomainError ContractNotFound = DomainError.NotFound("socialorgs.contract_not_found");

    /// <summary>404: the contract has no tranche with that number.</summary>
    public static readonly DomainError TrancheNotFound = DomainError.NotFound("socialorgs.tranche_not_found");

    /// <summary>400: a split that is not three shares adding up to 100, dates out of order, a bad payment date or plan.</summary>
    public static readonly DomainError InvalidContract = DomainError.Invalid("socialorgs.invalid_contract");

    /// <summary>400: funder, provider and evaluator are not three different parties.</summary>
    public static readonly DomainError PartiesNotDistinct = DomainError.Invalid("socialorgs.parties_not_distinct");

    /// <summary>400: findings missing or too long, or a beneficiary rating outside 1–5.</summary>
    public static readonly DomainError InvalidEvaluation = DomainError.Invalid("socialorgs.invalid_evaluation");

    /// <summary>409: the proposal is not awarded in the call's published ranking.</summary>
    public static readonly DomainError NotAwarded = DomainError.Conflict("socialorgs.not_awarded");

    /// <summary>409: the proposal has its contract already.</summary>
    public static readonly DomainError AlreadyContracted = DomainError.Conflict("socialorgs.already_contracted");

    /// <summary>409: the tranche's gate has not passed (or an earlier tranche is unpaid).</summary>
    public static readonly DomainError TrancheGateNotPassed = DomainError.Conflict("socialorgs.tranche_gate_not_passed");

    /// <summary>409: the tranche is paid already.</summary>
    public static readonly DomainError TranchePaid = DomainError.Conflict("socialorgs.tranche_paid");

    /// <summary>409: evaluations come once each, mid-term before final.</summary>
    public static readonly DomainError EvaluationOutOfOrder = DomainError.Conflict("socialorgs.evaluation_out_of_order");

    /// <summary>409: someone else changed the contract at the same moment; the request may be sent again.</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Conflict("socialorgs.contract_changed_concurrently");

    /// <summary>409: no remedial plan is called for, or none to accept.</summary>
    public static readonly DomainError NoRemedialPlan = DomainError.Conflict("socialorgs.no_remedial_plan");
}
