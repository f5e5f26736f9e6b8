using Platform.Domain;
using Platform.SocialOrgs.Domain.Funding;

namespace Platform.SocialOrgs.Tests;

/// <summary>Contracts of awarded proposals on the domain: tranche gates, evaluations, remedial plans, late payments and the three-parties rule.</summary>
public sealed class ContractTests
{
    private static readonly DateTimeOffset Signing = PanelTests.Reviewing.AddDays(7);
    private static readonly DateOnly SignedOn = DistrictClock.Today(Signing);
    private static readonly ContractParty Evaluator = new("明德社会工作评估中心", null);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    /// <summary>An awarded 1,000-yuan proposal's contract, evaluated by user 评估员, split 30/40/30.</summary>
    internal static GrantContract Signed(IReadOnlyList<int>? percentages = null)
    {
        var (panel, proposal, organisation) = PanelTests.Arrange("甲", "乙");
        panel.Score("甲", proposal, PanelTests.Scores(4, 4), PanelTests.Reviewing);
        panel.Score("乙", proposal, PanelTests.Scores(3, 3), PanelTests.Reviewing);
        panel.PublishAwards([proposal], PanelTests.Reviewing);
        return GrantContract.Sign(panel, proposal, organisation,
            new ContractTerms(Evaluator, "评估员", SignedOn, percentages ?? [30, 40, 30], SignedOn.AddDays(90), SignedOn.AddDays(180)), "funder", Signing);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    [Fact]
    public void Sign_SplitsTheAwardIntoThreeTranches_ToTheFen_AddingUpToTheAmount()
    {
        var contract = Signed([33, 33, 34]);

        Assert.Equal([(330m, TrancheGate.Signing, SignedOn), (330m, TrancheGate.MidTermEvaluation, SignedOn.AddDays(90)), (340m, TrancheGate.FinalEvaluation, SignedOn.AddDays(180))],
            contract.Tranches.Select(t => (t.Amount, t.Gate, t.DueOn)));
        Assert.Equal(contract.Amount, contract.Tranches.Sum(t => t.Amount));
        Assert.Equal(ContractErrors.InvalidContract, Refused(() => Signed([30, 40, 20])).Error);
    }

    [Fact]
    public void Sign_WithTheFunderOrTheProviderAsEvaluator_OrBeforeTheAwards_IsRefused()
    {
        var (panel, proposal, organisation) = PanelTests.Arrange("甲", "乙");
        ContractTerms Terms(ContractParty evaluator) => new(evaluator, "评估员", SignedOn, [30, 40, 30], SignedOn.AddDays(90), SignedOn.AddDays(180));

        Assert.Equal(ContractErrors.NotAwarded, Refused(() => GrantContract.Sign(panel, proposal, organisation, Terms(Evaluator), "funder", Signing)).Error);
        panel.Score("甲", proposal, PanelTests.Scores(4, 4), PanelTests.Reviewing);
        panel.Score("乙", proposal, PanelTests.Scores(3, 3), PanelTests.Reviewing);
        panel.PublishAwards([proposal], PanelTests.Reviewing);
        Assert.Equal(ContractErrors.PartiesNotDistinct,
            Refused(() => GrantContract.Sign(panel, proposal, organisation, Terms(new ContractParty(panel.Call.FunderName, null)), "funder", Signing)).Error);
        Assert.Equal(ContractErrors.PartiesNotDistinct,
            Refused(() => GrantContract.Sign(panel, proposal, organisation, Terms(new ContractParty($" {organisation.Name} ", null)), "funder", Signing)).Error);
    }

    [Fact]
    public void Pay_EachTrancheOnlyAfterItsGate_InOrder_AndOnce()
    {
        var contract = Signed();

        Assert.Equal(ContractErrors.TrancheGateNotPassed, Refused(() => contract.Pay(2, SignedOn, Signing)).Error);
        contract.Pay(1, SignedOn, Signing);
        Assert.Equal(ContractErrors.TranchePaid, Refused(() => contract.Pay(1, SignedOn, Signing)).Error);
        Assert.Equal(ContractErrors.TrancheGateNotPassed, Refused(() => contract.Pay(2, SignedOn, Signing)).Error);

        var midTerm = At(SignedOn.AddDays(85));
        contract.Evaluate("评估员", EvaluationKind.MidTerm, EvaluationGrade.B, "按计划推进", [5, 4, 4], midTerm);
        Assert.Equal(ContractErrors.TrancheGateNotPassed, Refused(() => contract.Pay(3, SignedOn.AddDays(85), midTerm)).Error);
        contract.Pay(2, SignedOn.AddDays(85), midTerm);
        var final = At(SignedOn.AddDays(175));
        contract.Evaluate("评估员", EvaluationKind.Final, EvaluationGrade.A, "目标全部达成", [5, 5], final);
        contract.Pay(3, SignedOn.AddDays(176), final.AddDays(1));

        Assert.All(contract.Tranches, t => Assert.NotNull(t.PaidOn));
        Assert.Equal(4.33m, contract.Evaluations[0].MeanRating);
    }

    [Fact]
    public void MidTermC_StopsTheLaterTranches_UntilTheFunderAcceptsARemedialPlan()
    {
        var contract = Signed();
        contract.Pay(1, SignedOn, Signing);
        var midTerm = At(SignedOn.AddDays(85));
        Assert.Equal(ContractErrors.NoRemedialPlan, Refused(() => contract.SubmitRemedialPlan("整改", midTerm)).Error);
        contract.Evaluate("评估员", EvaluationKind.MidTerm, EvaluationGrade.C, "探访台账缺失", [2, 3], midTerm);

        Assert.Equal(ContractErrors.TrancheGateNotPassed, Refused(() => contract.Pay(2, SignedOn.AddDays(86), midTerm.AddDays(1))).Error);
        Assert.Equal(ContractErrors.NoRemedialPlan, Refused(() => contract.AcceptRemedialPlan(midTerm.AddDays(1))).Error);
        contract.SubmitRemedialPlan("一个月内补齐台账，增加督导", midTerm.AddDays(2));
        Assert.Equal(ContractErrors.TrancheGateNotPassed, Refused(() => contract.Pay(2, SignedOn.AddDays(87), midTerm.AddDays(2))).Error);
        contract.AcceptRemedialPlan(midTerm.AddDays(10));

        contract.Pay(2, SignedOn.AddDays(95), midTerm.AddDays(10));
        Assert.Equal(SignedOn.AddDays(95), contract.Tranches[1].PaidOn);
        Assert.Equal(ContractErrors.NoRemedialPlan, Refused(() => contract.SubmitRemedialPlan("再改", midTerm.AddDays(11))).Error);
    }

    [Fact]
    public void DaysLate_CountsFromTheLaterOfDueDateAndGate_UpToPaymentOrToday()
    {
        var contract = Signed();
        var first = contract.Tranches[0];
        Assert.Equal(10, contract.DaysLate(first, SignedOn.AddDays(10)));
        Assert.Equal(0, contract.DaysLate(contract.Tranches[1], SignedOn.AddDays(120)));

        contract.Pay(1, SignedOn.AddDays(3), At(SignedOn.AddDays(3)));
        Assert.Equal(3, contract.DaysLate(contract.Tranches[0], SignedOn.AddDays(50)));
        // The mid-term evaluation passes ten days after the second tranche's due date: it is late from then.
        contract.Evaluate("评估员", EvaluationKind.MidTerm, EvaluationGrade.A, "良好", [], At(SignedOn.AddDays(100)));
        Assert.Equal(5, contract.DaysLate(contract.Tranches[1], SignedOn.AddDays(105)));
    }

    [Fact]
    public void Evaluate_ByAnyoneButTheEvaluator_OutOfOrder_OrWithRatingsOffTheScale_IsRefused()
    {
        var contract = Signed();

        Assert.Equal(ContractErrors.ContractNotFound, Refused(() => contract.Evaluate("funder", EvaluationKind.MidTerm, EvaluationGrade.A, "好", [], Signing)).Error);
        Assert.Equal(ContractErrors.EvaluationOutOfOrder, Refused(() => contract.Evaluate("评估员", EvaluationKind.Final, EvaluationGrade.A, "好", [], Signing)).Error);
        Assert.Equal(ContractErrors.InvalidEvaluation, Refused(() => contract.Evaluate("评估员", EvaluationKind.MidTerm, EvaluationGrade.A, "好", [6], Signing)).Error);
        Assert.Empty(contract.Evaluations);
    }
}
