using CsCheck;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.SocialOrgs.Domain;
using Platform.SocialOrgs.Domain.Incubations;
using Platform.TerritoryReplica;

namespace Platform.SocialOrgs.Tests;

/// <summary>Rubric weighting and the incubation lifecycle on the entities, with a clock the test moves.</summary>
public sealed class IncubationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan StuckAfter = TimeSpan.FromDays(180);

    private static Rubric RubricWith(params (string Name, decimal Weight)[] criteria) =>
        Rubric.Create("孵化评估", criteria, sprout: 2.5m, sapling: 3.5m, tree: 4.5m, graduation: 4m, Start);

    private static Rubric Standard() => RubricWith(("内部治理", 3m), ("服务成效", 5m), ("财务规范", 2m));

    private static Dictionary<string, int> Scores(int governance, int results, int finance) =>
        new() { ["内部治理"] = governance, ["服务成效"] = results, ["财务规范"] = finance };

    private static Organisation NewOrganisation()
    {
        var id = Guid.NewGuid();
        var home = new TerritoryReplicaNode { Id = id, Kind = TerritoryNodeKind.Community, Code = "C", Name = "社区", Path = TerritoryPath.Of(null, id) };
        return Organisation.Enter("邻里互助会", OrganisationKind.MutualAid, home, [], [], 10, 0, [], Start);
    }

    private static Incubation Accepted(Organisation organisation)
    {
        var incubation = Incubation.Apply(organisation, Start);
        incubation.Accept(Start.AddDays(7));
        return incubation;
    }

    [Fact]
    public void WeightedTotal_OfKnownScores_IsTheWeightedMeanToTwoDecimals()
    {
        // (4×3 + 3×5 + 5×2) ÷ 10 = 3.7; (1×3 + 2×5 + 2×2) ÷ 10 = 1.7; (5×3 + 4×5 + 4×2) ÷ 10 = 4.3
        Assert.Equal(3.7m, Standard().WeightedTotal(Scores(4, 3, 5)));
        Assert.Equal(1.7m, Standard().WeightedTotal(Scores(1, 2, 2)));
        Assert.Equal(4.3m, Standard().WeightedTotal(Scores(5, 4, 4)));
        // 2 ÷ 3 = 0.666… rounds to 0.67.
        Assert.Equal(0.67m, RubricWith(("甲", 1m), ("乙", 1m), ("丙", 1m)).WeightedTotal(new Dictionary<string, int> { ["甲"] = 2, ["乙"] = 0, ["丙"] = 0 }));
    }

    private static readonly Gen<(decimal[] Weights, int[] Scores)> RubricScores =
        Gen.Int[1, 8].SelectMany(count => Gen.Select(Gen.Int[1, 100].Select(w => w / 10m).Array[count], Gen.Int[0, 5].Array[count]));

    private static Rubric RubricOf(decimal[] weights) => RubricWith([.. weights.Select((weight, i) => ($"c{i}", weight))]);

    private static Dictionary<string, int> ScoresOf(int[] scores) => scores.Select((score, i) => (score, i)).ToDictionary(s => $"c{s.i}", s => s.score);

    [Fact]
    public void WeightedTotal_OfAnyScores_LiesBetweenTheLowestAndHighestScore() =>
        RubricScores.Sample(sample =>
        {
            var total = RubricOf(sample.Weights).WeightedTotal(ScoresOf(sample.Scores));
            Assert.InRange(total, sample.Scores.Min(), sample.Scores.Max());
        });

    [Fact]
    public void WeightedTotal_OfEqualScores_IsThatScore_WhateverTheWeights() =>
        Gen.Select(RubricScores, Gen.Int[0, 5]).Sample(sample =>
        {
            var ((weights, _), score) = sample;
            Assert.Equal(score, RubricOf(weights).WeightedTotal(ScoresOf([.. weights.Select(_ => score)])));
        });

    [Fact]
    public void WeightedTotal_WithEveryWeightScaled_DoesNotChange() =>
        Gen.Select(RubricScores, Gen.Int[2, 10]).Sample(sample =>
        {
            var ((weights, scores), factor) = sample;
            Assert.Equal(RubricOf(weights).WeightedTotal(ScoresOf(scores)), RubricOf([.. weights.Select(w => w * factor)]).WeightedTotal(ScoresOf(scores)));
        });

    [Fact]
    public void WeightedTotal_WhenOneScoreRises_NeverFalls() =>
        Gen.Select(RubricScores, Gen.Int[0, 7]).Where(sample => sample.Item1.Scores[sample.Item2 % sample.Item1.Scores.Length] < 5).Sample(sample =>
        {
            var ((weights, scores), pick) = sample;
            var rubric = RubricOf(weights);
            var raised = (int[])scores.Clone();
            raised[pick % raised.Length]++;
            Assert.True(rubric.WeightedTotal(ScoresOf(raised)) >= rubric.WeightedTotal(ScoresOf(scores)));
        });

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void WeightedTotal_WithAScoreOutsideTheScale_IsRefused(int score) =>
        Assert.Equal(IncubationErrors.ScoreOutsideScale, Assert.Throws<DomainException>(() => Standard().WeightedTotal(Scores(score, 3, 3))).Error);

    [Fact]
    public void WeightedTotal_WithAMissingOrUnknownCriterion_IsRefused()
    {
        var missing = new Dictionary<string, int> { ["内部治理"] = 3, ["服务成效"] = 3 };
        var unknown = new Dictionary<string, int>(Scores(3, 3, 3)) { ["颜值"] = 5 };

        Assert.Equal(IncubationErrors.InvalidScores, Assert.Throws<DomainException>(() => Standard().WeightedTotal(missing)).Error);
        Assert.Equal(IncubationErrors.InvalidScores, Assert.Throws<DomainException>(() => Standard().WeightedTotal(unknown)).Error);
    }

    [Theory]
    [InlineData(3.5, 2.5, 4.5)] // sapling below sprout
    [InlineData(2.5, 3.5, 6)] // off the scale
    public void Create_WithThresholdsOutOfOrderOrOffTheScale_IsRefused(double sprout, double sapling, double tree) =>
        Assert.Equal(IncubationErrors.InvalidRubric, Assert.Throws<DomainException>(() =>
            Rubric.Create("量表", [("甲", 1m)], (decimal)sprout, (decimal)sapling, (decimal)tree, 4m, Start)).Error);

    [Fact]
    public void Create_WithDuplicateCriteriaOrAZeroWeight_IsRefused()
    {
        Assert.Equal(IncubationErrors.InvalidRubric, Assert.Throws<DomainException>(() => RubricWith(("甲", 1m), ("甲", 2m))).Error);
        Assert.Equal(IncubationErrors.InvalidRubric, Assert.Throws<DomainException>(() => RubricWith(("甲", 0m))).Error);
    }

    [Fact]
    public void Lifecycle_AcceptedAssessedAndGraduated_WhenRegisteredAndAboveTheThreshold()
    {
        var organisation = NewOrganisation();
        var rubric = Standard();
        var incubation = Accepted(organisation);
        incubation.Support("孵化基地 203 室", "张老师", 20_000m);
        incubation.AttendTraining();

        var first = incubation.Assess(rubric, Scores(3, 3, 3), "assessor", Start.AddMonths(3));
        var second = incubation.Assess(rubric, Scores(5, 5, 4), "assessor", Start.AddMonths(6));

        Assert.Equal((3m, GrowthStage.Sprout), (first.WeightedTotal, first.StageAfter));
        Assert.Equal((4.8m, GrowthStage.Tree), (second.WeightedTotal, second.StageAfter));
        Assert.Equal(Start.AddMonths(6), incubation.StageEnteredAt);
        Assert.Equal(IncubationErrors.GraduationRequirementsNotMet, Assert.Throws<DomainException>(() => incubation.Graduate(organisation, rubric, Start.AddMonths(7))).Error);
        organisation.File(Start.AddMonths(7));
        organisation.Register(
            UnifiedSocialCreditCode.TryParse(TestCodes.CreditCode(), out var code, out _) ? code : throw new InvalidOperationException(), LegalForm.SocialGroup, Start.AddMonths(7));
        incubation.Graduate(organisation, rubric, Start.AddMonths(8));
        Assert.Equal(IncubationStatus.Graduated, incubation.Status);
        Assert.Equal(1, incubation.TrainingSessionsAttended);
    }

    [Fact]
    public void Assess_WithAWeakerResult_NeverMovesTheStageBack()
    {
        var incubation = Accepted(NewOrganisation());
        incubation.Assess(Standard(), Scores(4, 4, 4), "assessor", Start.AddMonths(3));

        var weaker = incubation.Assess(Standard(), Scores(1, 1, 1), "assessor", Start.AddMonths(6));

        Assert.Equal(GrowthStage.Sapling, weaker.StageAfter);
        Assert.Equal(Start.AddMonths(3), incubation.StageEnteredAt);
    }

    [Fact]
    public void Graduate_BelowTheThresholdEvenWhenRegistered_IsRefused()
    {
        var organisation = NewOrganisation();
        organisation.File(Start);
        organisation.Register(UnifiedSocialCreditCode.TryParse(TestCodes.CreditCode(), out var code, out _) ? code : throw new InvalidOperationException(), LegalForm.SocialGroup, Start);
        var rubric = Standard();
        var incubation = Accepted(organisation);
        incubation.Assess(rubric, Scores(4, 4, 3), "assessor", Start.AddMonths(3));

        var refusal = Assert.Throws<DomainException>(() => incubation.Graduate(organisation, rubric, Start.AddMonths(4)));

        Assert.Equal(IncubationErrors.GraduationRequirementsNotMet, refusal.Error);
        Assert.Equal(IncubationStatus.InIncubation, incubation.Status);
    }

    [Fact]
    public void Stuck_OnlyAfterTheConfiguredTimeInOneStage_AndNoLongerOnceItAdvances()
    {
        var incubation = Accepted(NewOrganisation());
        var accepted = Start.AddDays(7);

        Assert.False(incubation.IsStuck(accepted + StuckAfter, StuckAfter));
        Assert.True(incubation.IsStuck(accepted + StuckAfter + TimeSpan.FromSeconds(1), StuckAfter));
        Assert.True(Incubation.StuckAt(accepted + StuckAfter + TimeSpan.FromSeconds(1), StuckAfter).Compile()(incubation));

        var advancedAt = accepted + StuckAfter + TimeSpan.FromDays(1);
        incubation.Assess(Standard(), Scores(3, 3, 3), "assessor", advancedAt);
        Assert.False(incubation.IsStuck(advancedAt + TimeSpan.FromDays(1), StuckAfter));
        Assert.True(incubation.IsStuck(advancedAt + StuckAfter + TimeSpan.FromDays(1), StuckAfter));
        incubation.Exit("负责人离开，活动停止", advancedAt + StuckAfter + TimeSpan.FromDays(2));
        Assert.False(incubation.IsStuck(advancedAt + StuckAfter + TimeSpan.FromDays(3), StuckAfter));
    }

    [Fact]
    public void Review_RejectWithoutAReason_IsRefused_AndStepsOutOfOrderAre409s()
    {
        var incubation = Incubation.Apply(NewOrganisation(), Start);

        Assert.Equal(IncubationErrors.ReasonRequired, Assert.Throws<DomainException>(() => incubation.Reject(" ", Start)).Error);
        Assert.Equal(IncubationErrors.InvalidTransition, Assert.Throws<DomainException>(() => incubation.Assess(Standard(), Scores(3, 3, 3), "a", Start)).Error);
        incubation.Reject("服务对象不在本街道", Start);
        Assert.Equal(IncubationStatus.Rejected, incubation.Status);
        Assert.Equal(IncubationErrors.InvalidTransition, Assert.Throws<DomainException>(() => incubation.Accept(Start)).Error);
    }
}
