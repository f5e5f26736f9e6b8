using Platform.Domain;
using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Features.Contracts;

/// <summary>A tranche with its gate's state and lateness today.</summary>
/// <param name="Number">1, 2, 3.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="Gate">signing, mid_term_evaluation or final_evaluation.</param>
/// <param name="DueOn">Its due date.</param>
/// <param name="GatePassedOn">When its gate passed; null while it has not.</param>
/// <param name="PaidOn">When it was paid.</param>
/// <param name="DaysLate">Days beyond the due date (or the gate, if later) until payment or today.</param>
public sealed record TrancheResponse(int Number, decimal Amount, TrancheGate Gate, DateOnly DueOn, DateOnly? GatePassedOn, DateOnly? PaidOn, int DaysLate);

/// <summary>A contract.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="CallId">The call.</param>
/// <param name="ProposalId">The awarded proposal.</param>
/// <param name="OrganisationId">The provider.</param>
/// <param name="Amount">Yuan awarded.</param>
/// <param name="EvaluatorName">The evaluating party.</param>
/// <param name="EvaluatorUserId">Who records its evaluations.</param>
/// <param name="SignedOn">The date of signature.</param>
/// <param name="Tranches">The three tranches.</param>
/// <param name="Evaluations">Mid-term, then final.</param>
/// <param name="RemedialPlan">The plan after a C at mid-term.</param>
public sealed record ContractResponse(
    Guid Id, Guid CallId, Guid ProposalId, Guid OrganisationId, decimal Amount, string EvaluatorName, string EvaluatorUserId, DateOnly SignedOn,
    IReadOnlyList<TrancheResponse> Tranches, IReadOnlyList<Evaluation> Evaluations, RemedialPlan? RemedialPlan)
{
    public static ContractResponse From(GrantContract contract, DateTimeOffset now) => new(
        contract.Id, contract.CallId, contract.ProposalId, contract.OrganisationId, contract.Amount, contract.EvaluatorName, contract.EvaluatorUserId,
        contract.SignedOn, [.. contract.Tranches.Select(t => TrancheOf(contract, t, now))], contract.Evaluations, contract.RemedialPlan);

    public static TrancheResponse TrancheOf(GrantContract contract, Tranche tranche, DateTimeOffset now) =>
        new(tranche.Number, tranche.Amount, tranche.Gate, tranche.DueOn, contract.GatePassedOn(tranche), tranche.PaidOn, contract.DaysLate(tranche, DistrictClock.Today(now)));
}
