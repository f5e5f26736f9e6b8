using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>What must have happened before a tranche may be paid.</summary>
public enum TrancheGate
{
    /// <summary>Nothing more: due on signing.</summary>
    Signing,

    /// <summary>The mid-term evaluation passed (A or B, or C with an accepted remedial plan).</summary>
    MidTermEvaluation,

    /// <summary>The final evaluation passed (A or B).</summary>
    FinalEvaluation,
}

/// <summary>Which evaluation.</summary>
public enum EvaluationKind
{
    /// <summary>中期评估.</summary>
    MidTerm,

    /// <summary>末期评估.</summary>
    Final,
}

/// <summary>An evaluation's grade: A and B pass, C fails.</summary>
public enum EvaluationGrade
{
    /// <summary>优.</summary>
    A,

    /// <summary>良 / 合格.</summary>
    B,

    /// <summary>不合格.</summary>
    C,
}

/// <summary>A part of the contract's money, its gate, when it is due and when it was paid.</summary>
/// <param name="Number">1, 2, 3.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="Gate">What must have happened before it is paid.</param>
/// <param name="DueOn">When it is due (once its gate has passed).</param>
/// <param name="PaidOn">When it was paid; null while unpaid.</param>
public sealed record Tranche(int Number, decimal Amount, TrancheGate Gate, DateOnly DueOn, DateOnly? PaidOn);

/// <summary>The assigned evaluator's evaluation of the project.</summary>
/// <param name="Kind">Mid-term or final.</param>
/// <param name="Grade">A, B or C.</param>
/// <param name="Findings">What the evaluator found.</param>
/// <param name="BeneficiaryRatings">The beneficiaries' ratings, 1–5 each.</param>
/// <param name="EvaluatedOn">The date (in the district) of the evaluation.</param>
public sealed record Evaluation(EvaluationKind Kind, EvaluationGrade Grade, string Findings, IReadOnlyList<int> BeneficiaryRatings, DateOnly EvaluatedOn)
{
    /// <summary>The mean beneficiary rating to two decimals, or null without ratings.</summary>
    public decimal? MeanRating => BeneficiaryRatings.Count == 0 ? null : decimal.Round((decimal)BeneficiaryRatings.Sum() / BeneficiaryRatings.Count, 2);
}

/// <summary>The organisation's plan to put right what a failed mid-term evaluation found, and the funder's acceptance.</summary>
/// <param name="Plan">What it will do.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="AcceptedAt">When the funder accepted it; null before.</param>
public sealed record RemedialPlan(string Plan, DateTimeOffset SubmittedAt, DateTimeOffset? AcceptedAt);

/// <summary>A party to a contract, as the three-parties rule compares them.</summary>
/// <param name="Name">Its name.</param>
/// <param name="CreditCode">Its unified social credit code, when it has one.</param>
public sealed record ContractParty(string Name, string? CreditCode)
{
    /// <summary>Whether the two are the same party: the same credit code, or the same name.</summary>
    public bool IsSameAs(ContractParty other) =>
        (CreditCode is not null && CreditCode == other.CreditCode) || string.Equals(Name.Trim(), other.Name.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>What the funder states when signing: the evaluator, the split and the later due dates.</summary>
/// <param name="Evaluator">The evaluating party (a third-party assessment body, 第三方评估机构).</param>
/// <param name="EvaluatorUserId">The user who records the evaluations for it.</param>
/// <param name="SignedOn">The date of signature: the first tranche is due then.</param>
/// <param name="Percentages">The three tranches' shares of the amount, e.g. 30, 40, 30.</param>
/// <param name="MidTermDueOn">When the second tranche is due, once the mid-term evaluation has passed.</param>
/// <param name="FinalDueOn">When the last tranche is due, once the final evaluation has passed.</param>
public sealed record ContractTerms(
    ContractParty Evaluator, string EvaluatorUserId, DateOnly SignedOn, IReadOnlyList<int> Percentages, DateOnly MidTermDueOn, DateOnly FinalDueOn)
{
    /// <summary>The longest text of findings, a plan or a party's name.</summary>
    public const int TextMaxLength = 2000;

    /// <summary>Why the split and dates are unacceptable, or null: three positive shares adding up to 100, dates in order.</summary>
    public static string? Problem(IReadOnlyList<int>? percentages, DateOnly signedOn, DateOnly midTermDueOn, DateOnly finalDueOn) =>
        percentages is not { Count: 3 } || percentages.Any(p => p <= 0) || percentages.Sum() != 100 ? "Three positive percentages adding up to 100, e.g. 30, 40, 30."
        : !(signedOn <= midTermDueOn && midTermDueOn <= finalDueOn) ? "The due dates follow the signature in order: signing, mid-term, final."
        : null;
}

/// <summary>
/// The contract an award becomes (资助协议 / 购买服务合同): the funder pays the provider in three tranches, the first due on
/// signing, the second only after the mid-term evaluation passes, the last after the final evaluation passes. A C at
/// mid-term stops the later tranches until the funder accepts a remedial plan. Funder, provider and evaluator are three
/// different parties. Every tranche keeps its due and paid dates, so late payments to the organisation show.
/// </summary>
public sealed class GrantContract : ITenantOwned
{
    private readonly List<Tranche> _tranches = [];
    private readonly List<Evaluation> _evaluations = [];

    private GrantContract()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The call.</summary>
    public Guid CallId { get; private set; }

    /// <summary>The awarded proposal; one contract per proposal.</summary>
    public Guid ProposalId { get; private set; }

    /// <summary>The provider.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>The amount awarded, yuan.</summary>
    public decimal Amount { get; private set; }

    /// <summary>The evaluating party's name.</summary>
    public string EvaluatorName { get; private set; } = "";

    /// <summary>The evaluating party's credit code, when it has one.</summary>
    public string? EvaluatorCreditCode { get; private set; }

    /// <summary>The user who records the evaluations.</summary>
    public string EvaluatorUserId { get; private set; } = "";

    /// <summary>The date of signature.</summary>
    public DateOnly SignedOn { get; private set; }

    /// <summary>Who signed it for the funder.</summary>
    public string SignedBy { get; private set; } = "";

    /// <summary>The tranches, in order.</summary>
    public IReadOnlyList<Tranche> Tranches => _tranches;

    /// <summary>The evaluations, mid-term first.</summary>
    public IReadOnlyList<Evaluation> Evaluations => _evaluations;

    /// <summary>The remedial plan after a failed mid-term evaluation.</summary>
    public RemedialPlan? RemedialPlan { get; private set; }

    /// <summary>
    /// The funder signs the contract of an awarded proposal.
    /// </summary>
    /// <exception cref="DomainException">
    /// The proposal is not awarded in the published ranking, the terms are unacceptable, or two of funder, provider and
    /// evaluator are the same party (the evaluating user acting for the organisation counts as the same).
    /// </exception>
    public static GrantContract Sign(Panel panel, Proposal proposal, Organisation organisation, ContractTerms terms, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(terms);
        if (!panel.Ranking.Any(line => line.ProposalId == proposal.Id && line.Outcome == AwardOutcome.Awarded))
        {
            throw new DomainException(ContractErrors.NotAwarded, "Only a proposal awarded in the call's published ranking becomes a contract.");
        }

        if (ContractTerms.Problem(terms.Percentages, terms.SignedOn, terms.MidTermDueOn, terms.FinalDueOn) is { } problem)
        {
            throw new DomainException(ContractErrors.InvalidContract, problem);
        }

        var funder = new ContractParty(panel.Call.FunderName, panel.Call.FunderCreditCode);
        var provider = new ContractParty(organisation.Name, organisation.CreditCode);
        if (terms.Evaluator.IsSameAs(funder) || terms.Evaluator.IsSameAs(provider) || funder.IsSameAs(provider)
            || organisation.Members.Any(m => m.UserId == terms.EvaluatorUserId))
        {
            throw new DomainException(ContractErrors.PartiesNotDistinct, "Funder, provider and evaluator must be three different parties.", "evaluator");
        }

        var contract = new GrantContract
        {
            Id = Guid.CreateVersion7(now),
            CallId = panel.CallId,
            ProposalId = proposal.Id,
            OrganisationId = organisation.Id,
            Amount = proposal.Amount,
            EvaluatorName = terms.Evaluator.Name.Trim(),
            EvaluatorCreditCode = terms.Evaluator.CreditCode,
            EvaluatorUserId = terms.EvaluatorUserId,
            SignedOn = terms.SignedOn,
            SignedBy = by,
        };
        // Shares to the fen; the last tranche takes what rounding leaves, so the three add up to the amount exactly.
        var first = decimal.Round(proposal.Amount * terms.Percentages[0] / 100, 2);
        var second = decimal.Round(proposal.Amount * terms.Percentages[1] / 100, 2);
        contract._tranches.AddRange(
        [
            new Tranche(1, first, TrancheGate.Signing, terms.SignedOn, null),
            new Tranche(2, second, TrancheGate.MidTermEvaluation, terms.MidTermDueOn, null),
            new Tranche(3, proposal.Amount - first - second, TrancheGate.FinalEvaluation, terms.FinalDueOn, null),
        ]);
        return contract;
    }

    /// <summary>The date the tranche's gate passed, or null while it has not.</summary>
    public DateOnly? GatePassedOn(Tranche tranche)
    {
        ArgumentNullException.ThrowIfNull(tranche);
        var midTerm = EvaluationOf(EvaluationKind.MidTerm);
        var final = EvaluationOf(EvaluationKind.Final);
        return tranche.Gate switch
        {
            TrancheGate.Signing => SignedOn,
            TrancheGate.MidTermEvaluation => midTerm is null ? null
                : midTerm.Grade != EvaluationGrade.C ? midTerm.EvaluatedOn
                : RemedialPlan?.AcceptedAt is { } accepted ? DistrictClock.Today(accepted) : null,
            _ => final is not null && final.Grade != EvaluationGrade.C && GatePassedOn(_tranches[1]) is not null ? final.EvaluatedOn : null,
        };
    }

    /// <summary>
    /// Days the organisation has waited beyond a tranche's due date (counted from its gate if that passed later): up to
    /// the payment, or up to <paramref name="today"/> while unpaid; 0 when paid in time or not yet due.
    /// </summary>
    public int DaysLate(Tranche tranche, DateOnly today)
    {
        if (GatePassedOn(tranche) is not { } passed)
        {
            return 0;
        }

        var due = passed > tranche.DueOn ? passed : tranche.DueOn;
        return Math.Max(0, (tranche.PaidOn ?? today).DayNumber - due.DayNumber);
    }

    /// <summary>The funder records the payment of a tranche.</summary>
    /// <exception cref="DomainException">No such tranche, paid already, an earlier one unpaid, its gate not passed, or a date before the gate.</exception>
    public void Pay(int number, DateOnly paidOn, DateTimeOffset now)
    {
        var index = _tranches.FindIndex(t => t.Number == number);
        if (index < 0)
        {
            throw new DomainException(ContractErrors.TrancheNotFound, $"The contract has tranches 1 to {_tranches.Count}.");
        }

        var tranche = _tranches[index];
        if (tranche.PaidOn is not null)
        {
            throw new DomainException(ContractErrors.TranchePaid, $"Tranche {number} was paid on {tranche.PaidOn:yyyy-MM-dd}.");
        }

        if (_tranches.Take(index).Any(t => t.PaidOn is null))
        {
            throw new DomainException(ContractErrors.TrancheGateNotPassed, "The tranches are paid in order; an earlier one is unpaid.");
        }

        if (GatePassedOn(tranche) is not { } passed)
        {
            throw new DomainException(ContractErrors.TrancheGateNotPassed, tranche.Gate switch
            {
                TrancheGate.MidTermEvaluation => "The second tranche is paid once the mid-term evaluation has passed (or a remedial plan after a C is accepted).",
                _ => "The last tranche is paid once the final evaluation has passed.",
            });
        }

        if (paidOn < passed || paidOn > DistrictClock.Today(now))
        {
            throw new DomainException(ContractErrors.InvalidContract, $"A payment date between {passed:yyyy-MM-dd} and today.", "paidOn");
        }

        _tranches[index] = tranche with { PaidOn = paidOn };
    }

    /// <summary>The assigned evaluator records the mid-term evaluation, then the final one, once each.</summary>
    /// <exception cref="DomainException">Not the evaluator, out of order, done already, or unacceptable content.</exception>
    public void Evaluate(string evaluatorUserId, EvaluationKind kind, EvaluationGrade grade, string findings, IReadOnlyList<int> ratings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        if (evaluatorUserId != EvaluatorUserId)
        {
            throw new DomainException(ContractErrors.ContractNotFound, "No contract that you evaluate.");
        }

        if (EvaluationOf(kind) is not null || (kind == EvaluationKind.Final && EvaluationOf(EvaluationKind.MidTerm) is null))
        {
            throw new DomainException(ContractErrors.EvaluationOutOfOrder, "One mid-term evaluation, then one final evaluation.");
        }

        if (string.IsNullOrWhiteSpace(findings) || findings.Trim().Length > ContractTerms.TextMaxLength || ratings.Any(r => r is < 1 or > 5))
        {
            throw new DomainException(ContractErrors.InvalidEvaluation, $"Findings of at most {ContractTerms.TextMaxLength} characters and ratings from 1 to 5.");
        }

        _evaluations.Add(new Evaluation(kind, grade, findings.Trim(), [.. ratings], DistrictClock.Today(now)));
    }

    /// <summary>The organisation submits (or replaces, until accepted) its remedial plan after a C at mid-term.</summary>
    /// <exception cref="DomainException">No failed mid-term evaluation, the plan accepted already, or an unacceptable text.</exception>
    public void SubmitRemedialPlan(string plan, DateTimeOffset now)
    {
        EnsureRemedialPlanOpen();
        if (string.IsNullOrWhiteSpace(plan) || plan.Trim().Length > ContractTerms.TextMaxLength)
        {
            throw new DomainException(ContractErrors.InvalidContract, $"A plan of at most {ContractTerms.TextMaxLength} characters.", "plan");
        }

        RemedialPlan = new RemedialPlan(plan.Trim(), now, null);
    }

    /// <summary>The funder accepts the remedial plan: the second tranche's gate passes.</summary>
    /// <exception cref="DomainException">No plan to accept.</exception>
    public void AcceptRemedialPlan(DateTimeOffset now)
    {
        EnsureRemedialPlanOpen();
        RemedialPlan = RemedialPlan is null
            ? throw new DomainException(ContractErrors.NoRemedialPlan, "The organisation has not submitted a remedial plan.")
            : RemedialPlan with { AcceptedAt = now };
    }

    private void EnsureRemedialPlanOpen()
    {
        if (EvaluationOf(EvaluationKind.MidTerm)?.Grade != EvaluationGrade.C || RemedialPlan?.AcceptedAt is not null)
        {
            throw new DomainException(ContractErrors.NoRemedialPlan, "A remedial plan follows a C at mid-term, until the funder accepts it.");
        }
    }

    private Evaluation? EvaluationOf(EvaluationKind kind) => _evaluations.SingleOrDefault(e => e.Kind == kind);
}
