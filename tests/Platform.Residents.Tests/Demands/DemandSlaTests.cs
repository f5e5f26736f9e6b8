using Microsoft.Extensions.Configuration;
using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandSlaTests
{
    [Fact]
    public void Deadlines_FollowPriorityAndCategory()
    {
        var normal = File();
        var urgent = File(DemandPriority.Urgent, "供暖");

        Assert.Equal((Now, Now.AddHours(24), Now.AddDays(7)), (normal.ReceivedAt, normal.ResponseDueAt, normal.ResolutionDueAt));
        Assert.Equal((Now.AddHours(2), Now.AddDays(2)), (urgent.ResponseDueAt, urgent.ResolutionDueAt));
    }

    [Fact]
    public void CategoryNames_AreMatchedExactly()
    {
        var sla = new DemandSlaPolicy { ResolutionByCategory = { ["Heating"] = TimeSpan.FromDays(1) } };

        Assert.Equal(Now.AddDays(1), sla.ResolutionDue("Heating", Now));
        Assert.Equal(Now.AddDays(7), sla.ResolutionDue("heating", Now));
    }

    [Fact]
    public void Classify_RecomputesTheResolutionDeadlineFromReceipt()
    {
        var demand = File();

        demand.Classify("供暖", null, null, null, Sla, Clerk, Now.AddDays(1));
        Assert.Equal(Now.AddDays(2), demand.ResolutionDueAt);

        demand.Classify("其他", null, null, null, Sla, Clerk, Now.AddDays(1));
        Assert.Equal(Now.AddDays(7), demand.ResolutionDueAt);
        Assert.Equal(Now.AddHours(24), demand.ResponseDueAt);
    }

    [Fact]
    public void Policy_BindsFromTheDemandsSlaSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demands:Sla:UrgentResponse"] = "01:00:00",
            ["Demands:Sla:ResolutionByCategory:供暖"] = "3.00:00:00",
        }).Build();

        var sla = configuration.GetSection(DemandSlaPolicy.SectionName).Get<DemandSlaPolicy>()!;

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7)), (sla.UrgentResponse, sla.NormalResponse, sla.DefaultResolution));
        Assert.Equal(Now.AddDays(3), sla.ResolutionDue("供暖", Now));
        Assert.Empty(sla.Validate());
    }

    [Fact]
    public void Validate_ListsEveryDurationThatIsNotPositive()
    {
        var sla = new DemandSlaPolicy
        {
            UrgentResponse = TimeSpan.Zero,
            DefaultResolution = TimeSpan.FromHours(-1),
            ResolutionByCategory = { ["供暖"] = TimeSpan.Zero, ["燃气"] = TimeSpan.FromHours(4), [" "] = TimeSpan.FromHours(4) },
        };

        Assert.Equal(
            [
                "Demands:Sla:UrgentResponse must be positive.",
                "Demands:Sla:DefaultResolution must be positive.",
                "Demands:Sla:ResolutionByCategory:供暖 must be positive.",
                "Demands:Sla:ResolutionByCategory has a blank category.",
            ],
            sla.Validate());
    }

    [Fact]
    public void Response_IsOverdueOnlyAfterTheDeadlineWhileMissing()
    {
        var demand = File(DemandPriority.Urgent);
        var due = Now.AddHours(2);

        Assert.False(demand.IsResponseOverdue(due));
        Assert.True(demand.IsResponseOverdue(due.AddSeconds(1)));
        Assert.True(demand.IsOverdue(due.AddSeconds(1)));
        Assert.False(demand.WasRespondedOnTime);
    }

    [Fact]
    public void RespondingInTime_IsNeverOverdueLater_RespondingLate_AlwaysIs()
    {
        var onTime = File(DemandPriority.Urgent);
        var late = File(DemandPriority.Urgent);
        foreach (var (demand, at) in new[] { (onTime, Now.AddHours(2)), (late, Now.AddHours(2).AddMinutes(1)) })
        {
            demand.Classify(Category, null, null, null, Sla, Clerk, Now);
            demand.Assign(AssigneeType.Community, "c-1", Clerk, Now);
            demand.Respond(Clerk, at);
        }

        Assert.True(onTime.WasRespondedOnTime);
        Assert.False(onTime.IsResponseOverdue(Now.AddDays(1)));
        Assert.False(late.WasRespondedOnTime);
        Assert.True(late.IsResponseOverdue(Now.AddDays(1)));
        Assert.True(late.IsOverdue(Now.AddHours(3)));
        Assert.False(late.IsResolutionOverdue(Now.AddHours(3)));
    }

    [Theory]
    [InlineData(7 * 24 * 60, false)]
    [InlineData(7 * 24 * 60 + 1, true)]
    public void Resolution_ConcludedByTheDeadline_IsNotOverdue_EvenLongAfterClosing(int concludedAfterMinutes, bool overdue)
    {
        var (demand, _) = In("in_progress");
        var concluded = Now.AddMinutes(concludedAfterMinutes);

        demand.MarkUnresolvable("产权不清", Clerk, concluded);
        demand.Callback(Satisfaction.Satisfied, 5, Clerk, concluded.AddDays(3));
        demand.Close(Clerk, concluded.AddDays(10));

        Assert.Equal(overdue, demand.IsResolutionOverdue(Now.AddDays(30)));
        Assert.Equal(overdue, demand.IsOverdue(Now.AddDays(30)));
        Assert.False(demand.IsResponseOverdue(Now.AddDays(30)));
    }

    [Fact]
    public void OpenDemand_IsResolutionOverdueAfterTheDeadline_AndSoIsAReopenedOne()
    {
        var (open, _) = In("in_progress");
        var (reopened, _) = In("reopened");
        var due = Now.AddDays(7);

        Assert.False(open.IsResolutionOverdue(due));
        Assert.True(open.IsResolutionOverdue(due.AddTicks(1)));
        Assert.Null(reopened.ResolvedAt);
        Assert.True(reopened.IsResolutionOverdue(due.AddTicks(1)));
    }
}
