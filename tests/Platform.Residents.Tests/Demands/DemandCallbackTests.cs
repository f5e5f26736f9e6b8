using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandCallbackTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Callback_WithAScoreOutsideOneToFive_IsAValidationProblem(int score)
    {
        var (demand, at) = In("resolved");

        var refusal = Assert.Throws<DemandRuleException>(() => demand.Callback(Satisfaction.Satisfied, score, Clerk, at));

        Assert.Equal((DemandProblemCodes.InvalidScore, false), (refusal.Code, refusal.IsConflict));
        Assert.Null(demand.Satisfaction);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Callback_RecordsTheLatestAnswer_AndKeepsTheStatus(int score)
    {
        var (demand, at) = In("unresolvable");

        demand.Callback(Satisfaction.Dissatisfied, 3, Clerk, at.AddMinutes(1));
        demand.Callback(Satisfaction.BasicallySatisfied, score, Clerk, at.AddMinutes(2));

        Assert.Equal(DemandStatus.Unresolvable, demand.Status);
        Assert.Equal((Satisfaction.BasicallySatisfied, score), (demand.Satisfaction, demand.SatisfactionScore));
        Assert.Equal($"basically_satisfied/{score}", demand.History[^1].Details);
        Assert.DoesNotContain(DemandAction.Reopen, demand.AllowedActions);
    }

    [Fact]
    public void Close_RequiresACallback_ThenRecordsWhen()
    {
        var (demand, at) = In("resolved");

        var refusal = Assert.Throws<DemandRuleException>(() => demand.Close(Clerk, at.AddMinutes(1)));
        demand.Callback(Satisfaction.Satisfied, 5, Clerk, at.AddMinutes(2));
        demand.Close(Clerk, at.AddMinutes(3));

        Assert.Equal((DemandProblemCodes.CallbackRequired, true), (refusal.Code, refusal.IsConflict));
        Assert.Equal(DemandStatus.Closed, demand.Status);
        Assert.Equal(at.AddMinutes(3), demand.ClosedAt);
    }

    [Fact]
    public void Reopen_OnlyAfterADissatisfiedCallback_ClearsTheRound_AndCounts()
    {
        var (demand, at) = In("unresolvable");
        demand.Callback(Satisfaction.Satisfied, 4, Clerk, at.AddMinutes(1));
        var refusal = Assert.Throws<DemandRuleException>(() => demand.Reopen(Clerk, at.AddMinutes(2)));
        demand.Callback(Satisfaction.Dissatisfied, 1, Clerk, at.AddMinutes(3));
        var entries = demand.History.ToList();

        demand.Reopen(Clerk, at.AddMinutes(4));

        Assert.Equal((DemandProblemCodes.NotDissatisfied, true), (refusal.Code, refusal.IsConflict));
        Assert.Equal(DemandStatus.Reopened, demand.Status);
        Assert.Equal(1, demand.ReopenCount);
        Assert.Equal((null, null, null, null), (demand.Satisfaction, demand.SatisfactionScore, demand.ResolvedAt, demand.UnresolvableReason));
        Assert.Equal(entries, demand.History.Take(entries.Count));
        Assert.NotNull(demand.RespondedAt);
    }

    [Fact]
    public void ReopenedDemand_KeepsEarlierSummonses_GoesThroughAnotherRound_AndNeedsANewCallbackToClose()
    {
        var (demand, at) = In("whistled+checked_in");
        foreach (var action in new[] { DemandAction.Start, DemandAction.Resolve })
        {
            Perform(demand, action, at = at.AddMinutes(1));
        }

        demand.Callback(Satisfaction.Dissatisfied, 1, Clerk, at);
        demand.Reopen(Clerk, at);
        var summons = Assert.Single(demand.Summons);
        foreach (var action in new[] { DemandAction.Classify, DemandAction.Assign, DemandAction.Respond, DemandAction.Whistle, DemandAction.Start })
        {
            Perform(demand, action, at = at.AddMinutes(1));
        }

        Assert.Equal(DemandStatus.InProgress, demand.Status);
        Assert.Equal([summons.CheckedInAt, null], demand.Summons.Select(s => s.CheckedInAt));
        demand.CheckIn(Department, Clerk, at);
        demand.Resolve(Clerk, at);
        Assert.Equal(DemandProblemCodes.CallbackRequired, Assert.Throws<DemandRuleException>(() => demand.Close(Clerk, at)).Code);

        demand.Callback(Satisfaction.Dissatisfied, 1, Clerk, at);
        demand.Reopen(Clerk, at);

        Assert.Equal(2, demand.ReopenCount);
    }
}
