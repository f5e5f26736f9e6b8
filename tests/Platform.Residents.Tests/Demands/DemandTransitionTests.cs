using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandTransitionTests
{
    // Where the status allows the action but the demand's state blocks it, the refusal names the rule.
    private static readonly Dictionary<(string State, DemandAction Action), string> BlockedBy = new()
    {
        [("whistled+checked_in", DemandAction.Checkin)] = DemandProblemCodes.DepartmentAlreadyCheckedIn,
        [("in_progress", DemandAction.Checkin)] = DemandProblemCodes.DepartmentNotSummoned,
        [("in_progress+pending", DemandAction.Resolve)] = DemandProblemCodes.DepartmentsNotCheckedIn,
        [("in_progress+pending", DemandAction.Unresolvable)] = DemandProblemCodes.DepartmentsNotCheckedIn,
        [("resolved", DemandAction.Close)] = DemandProblemCodes.CallbackRequired,
        [("resolved", DemandAction.Reopen)] = DemandProblemCodes.CallbackRequired,
        [("unresolvable", DemandAction.Close)] = DemandProblemCodes.CallbackRequired,
        [("unresolvable", DemandAction.Reopen)] = DemandProblemCodes.CallbackRequired,
        [("resolved+satisfied", DemandAction.Reopen)] = DemandProblemCodes.NotDissatisfied,
    };

    private static readonly Dictionary<DemandAction, DemandStatus?> StatusAfter = new()
    {
        [DemandAction.Classify] = DemandStatus.Classified,
        [DemandAction.Assign] = DemandStatus.Assigned,
        [DemandAction.Respond] = DemandStatus.Responded,
        [DemandAction.Whistle] = DemandStatus.Whistled,
        [DemandAction.Checkin] = null,
        [DemandAction.Start] = DemandStatus.InProgress,
        [DemandAction.Resolve] = DemandStatus.Resolved,
        [DemandAction.Unresolvable] = DemandStatus.Unresolvable,
        [DemandAction.Callback] = null,
        [DemandAction.Reopen] = DemandStatus.Reopened,
        [DemandAction.Close] = DemandStatus.Closed,
    };

    public static TheoryData<string> AllStates => [.. States.Keys];

    public static TheoryData<string, DemandAction> LegalMoves =>
        [.. States.SelectMany(s => s.Value.Allowed.Select(action => (s.Key, action)))];

    public static TheoryData<string, DemandAction> IllegalMoves =>
        [.. States.SelectMany(s => Enum.GetValues<DemandAction>().Except(s.Value.Allowed).Select(action => (s.Key, action)))];

    [Fact]
    public void Scenarios_CoverEveryStatus() =>
        Assert.Equal(Enum.GetValues<DemandStatus>(), States.Values.Select(s => s.Status).Distinct().Order());

    [Theory]
    [MemberData(nameof(AllStates))]
    public void AllowedActions_AreTheTableLessBlockedOnes(string state)
    {
        var (demand, _) = In(state);

        Assert.Equal(States[state].Status, demand.Status);
        Assert.Equal(States[state].Allowed.Order(), demand.AllowedActions.Order());
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void LegalAction_Succeeds_MovesToItsStatus_AndAppendsOneEntry(string state, DemandAction action)
    {
        var (demand, at) = In(state);
        var before = demand.Status;
        var entries = demand.History.Count;

        Perform(demand, action, at.AddMinutes(1));

        Assert.Equal(StatusAfter[action] ?? before, demand.Status);
        Assert.Equal(entries + 1, demand.History.Count);
        var entry = demand.History[^1];
        Assert.Equal((action.Segment(), before, demand.Status, at.AddMinutes(1)), (entry.Action, entry.FromStatus, entry.ToStatus, entry.At));
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void IllegalAction_IsRefused_AndChangesNothing(string state, DemandAction action)
    {
        var (demand, at) = In(state);
        var (status, version, entries) = (demand.Status, demand.Version, demand.History.Count);

        var refusal = Assert.ThrowsAny<DemandRuleException>(() => Perform(demand, action, at.AddMinutes(1)));

        Assert.True(refusal.IsConflict);
        if (BlockedBy.TryGetValue((state, action), out var code))
        {
            Assert.IsNotType<DemandTransitionException>(refusal);
            Assert.Equal(code, refusal.Code);
        }
        else
        {
            var transition = Assert.IsType<DemandTransitionException>(refusal);
            Assert.Equal(DemandProblemCodes.InvalidTransition, transition.Code);
            Assert.Equal((action, status), (transition.Action, transition.Status));
            Assert.Equal(States[state].Allowed.Order(), transition.AllowedActions.Order());
        }

        Assert.Equal((status, version, entries), (demand.Status, demand.Version, demand.History.Count));
    }

    [Fact]
    public void TransitionRefusal_SaysWhatIsAllowed()
    {
        var (demand, at) = In("assigned");

        var refusal = Assert.Throws<DemandTransitionException>(() => demand.Close(Clerk, at));

        Assert.Equal("close is not allowed while the demand is assigned; allowed now: assign, respond.", refusal.Message);
        Assert.Contains("nothing", Assert.Throws<DemandTransitionException>(() => In("closed").Demand.Reopen(Clerk, at)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classify", DemandAction.Classify)]
    [InlineData("CHECKIN", DemandAction.Checkin)]
    [InlineData("Unresolvable", DemandAction.Unresolvable)]
    [InlineData("close", DemandAction.Close)]
    public void TryParse_ReadsSegmentsIgnoringCase(string segment, DemandAction expected)
    {
        Assert.True(DemandActions.TryParse(segment, out var action));
        Assert.Equal(expected, action);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" classify")]
    [InlineData("classify,assign")]
    [InlineData("check_in")]
    [InlineData("file")]
    [InlineData("work_order")]
    public void TryParse_RefusesNumbersAndOtherNames(string? segment) => Assert.False(DemandActions.TryParse(segment, out _));

    [Fact]
    public void Segments_AreTheLowerCaseNames_AndRoundTrip()
    {
        Assert.Equal(
            ["classify", "assign", "respond", "whistle", "checkin", "start", "resolve", "unresolvable", "callback", "reopen", "close"],
            Enum.GetValues<DemandAction>().Select(a => a.Segment()));
        Assert.All(Enum.GetValues<DemandAction>(), a => Assert.True(DemandActions.TryParse(a.Segment(), out var parsed) && parsed == a));
    }
}
