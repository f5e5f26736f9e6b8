using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandSummonsTests
{
    [Fact]
    public void Whistle_SummonsEachDepartment_AndWorkMayStartBeforeTheyCheckIn()
    {
        var (demand, at) = In("responded");

        demand.Whistle(["城管", " 公安 "], Clerk, at.AddMinutes(1));
        demand.Start(Clerk, at.AddMinutes(2));

        Assert.Equal(DemandStatus.InProgress, demand.Status);
        Assert.Equal(["城管", "公安"], demand.PendingDepartments);
        Assert.All(demand.Summons, s => Assert.Equal((at.AddMinutes(1), Clerk.UserId, (DateTimeOffset?)null), (s.SummonedAt, s.SummonedBy, s.CheckedInAt)));
        Assert.Equal("城管,公安", demand.History[^2].Details);
    }

    [Fact]
    public void ResolveAndUnresolvable_AreRefusedUntilEveryDepartmentCheckedIn()
    {
        var (demand, at) = In("responded");
        demand.Whistle(["城管", "公安"], Clerk, at.AddMinutes(1));
        demand.Start(Clerk, at.AddMinutes(2));

        var both = Assert.Throws<DemandRuleException>(() => demand.Resolve(Clerk, at.AddMinutes(3)));
        demand.CheckIn("城管", Clerk, at.AddMinutes(4));
        var one = Assert.Throws<DemandRuleException>(() => demand.MarkUnresolvable("无法协调", Clerk, at.AddMinutes(5)));

        Assert.Equal(DemandProblemCodes.DepartmentsNotCheckedIn, both.Code);
        Assert.True(both.IsConflict);
        Assert.Contains("城管, 公安", both.Message, StringComparison.Ordinal);
        Assert.Equal(DemandProblemCodes.DepartmentsNotCheckedIn, one.Code);
        Assert.DoesNotContain("城管", one.Message, StringComparison.Ordinal);
        Assert.Contains("公安", one.Message, StringComparison.Ordinal);
        Assert.Equal(DemandStatus.InProgress, demand.Status);

        demand.CheckIn("公安", Clerk, at.AddMinutes(6));
        demand.Resolve(Clerk, at.AddMinutes(7));

        Assert.Equal(DemandStatus.Resolved, demand.Status);
        Assert.Equal(at.AddMinutes(7), demand.ResolvedAt);
    }

    [Fact]
    public void CheckIn_RecordsTheTime_AndKeepsTheStatus()
    {
        var (whistled, at) = In("whistled");
        var (working, _) = In("in_progress+pending");

        whistled.CheckIn(" 城管 ", Clerk, at.AddMinutes(1));
        working.CheckIn("城管", Clerk, at.AddMinutes(1));

        Assert.Equal(DemandStatus.Whistled, whistled.Status);
        Assert.Equal(DemandStatus.InProgress, working.Status);
        Assert.Equal(at.AddMinutes(1), Assert.Single(whistled.Summons).CheckedInAt);
        Assert.False(whistled.HasPendingSummons);
        var entry = whistled.History[^1];
        Assert.Equal(("checkin", DemandStatus.Whistled, DemandStatus.Whistled, "城管"), (entry.Action, entry.FromStatus, entry.ToStatus, entry.Details));
    }

    [Fact]
    public void CheckIn_OfAnUnknownOrAlreadyCheckedInDepartment_IsRefused()
    {
        var (demand, at) = In("whistled");

        var unknown = Assert.Throws<DemandRuleException>(() => demand.CheckIn("水务", Clerk, at));
        demand.CheckIn(Department, Clerk, at);
        demand.Whistle(["公安"], Clerk, at);
        var twice = Assert.Throws<DemandRuleException>(() => demand.CheckIn(Department, Clerk, at));

        Assert.Equal((DemandProblemCodes.DepartmentNotSummoned, true), (unknown.Code, unknown.IsConflict));
        Assert.Equal((DemandProblemCodes.DepartmentAlreadyCheckedIn, true), (twice.Code, twice.IsConflict));
    }

    [Fact]
    public void Whistle_DoesNotSummonAPendingDepartmentTwice_ButSummonsACheckedInOneAgain()
    {
        var (demand, at) = In("whistled");

        demand.Whistle([Department, "公安"], Clerk, at.AddMinutes(1));
        Assert.Equal([Department, "公安"], demand.Summons.Select(s => s.Department));

        demand.CheckIn(Department, Clerk, at.AddMinutes(2));
        demand.Whistle([Department], Clerk, at.AddMinutes(3));

        Assert.Equal([Department, "公安", Department], demand.Summons.Select(s => s.Department));
        Assert.Equal(["公安", Department], demand.PendingDepartments);
        Assert.NotNull(demand.Summons[0].CheckedInAt);
    }

    [Fact]
    public void Whistle_FromInProgress_GoesBackToWhistled_AndStartResumes()
    {
        var (demand, at) = In("in_progress");

        demand.Whistle(["公安"], Clerk, at.AddMinutes(1));
        Assert.Equal(DemandStatus.Whistled, demand.Status);

        demand.Start(Clerk, at.AddMinutes(2));
        Assert.Equal(DemandStatus.InProgress, demand.Status);
    }

    public static TheoryData<string[]> MalformedDepartmentLists => new(
        [],
        ["城管", " 城管"],
        ["城管", " "],
        [new string('局', Demand.MaxDepartmentLength + 1)]);

    [Theory]
    [MemberData(nameof(MalformedDepartmentLists))]
    public void Whistle_WithAnEmptyDuplicateOrMalformedList_IsAValidationProblem(string[] departments)
    {
        var (demand, at) = In("responded");

        var refusal = Assert.Throws<DemandRuleException>(() => demand.Whistle(departments, Clerk, at));

        Assert.Equal((DemandProblemCodes.InvalidArgument, false), (refusal.Code, refusal.IsConflict));
        Assert.Empty(demand.Summons);
        Assert.Equal(DemandStatus.Responded, demand.Status);
    }
}
