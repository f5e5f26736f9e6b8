using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandWorkOrderTests
{
    private const string Company = "pc-7";
    private static readonly DemandActor Property = new("svc-property", "物业服务");

    private static (Demand Demand, DateTimeOffset At) AssignedToCompany()
    {
        var (demand, at) = In("classified");
        Assert.True(demand.Assign(AssigneeType.PropertyCompany, Company, Clerk, at));
        return (demand, at);
    }

    [Fact]
    public void Assign_SaysWhetherAWorkOrderIsNeeded()
    {
        var (demand, at) = In("classified");

        Assert.False(demand.Assign(AssigneeType.Department, "dept-1", Clerk, at));
        Assert.True(demand.Assign(AssigneeType.PropertyCompany, " pc-7 ", Clerk, at));
        Assert.Equal((AssigneeType.PropertyCompany, Company), (demand.AssigneeType, demand.AssigneeId));
    }

    [Fact]
    public void AcceptedStartedCompleted_RespondStartAndResolve()
    {
        var (demand, at) = AssignedToCompany();

        Assert.True(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Accepted, Company, Property, at.AddMinutes(1), "已接单"));
        Assert.Equal((DemandStatus.Responded, at.AddMinutes(1)), (demand.Status, demand.RespondedAt));
        Assert.True(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Started, Company, Property, at.AddMinutes(2), null));
        Assert.Equal(DemandStatus.InProgress, demand.Status);
        Assert.True(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Completed, Company, Property, at.AddMinutes(3), null));
        Assert.Equal((DemandStatus.Resolved, at.AddMinutes(3)), (demand.Status, demand.ResolvedAt));

        var entries = demand.History.TakeLast(3).ToList();
        Assert.All(entries, e => Assert.Equal(("work_order", "svc-property"), (e.Action, e.ActorId)));
        Assert.Equal(["accepted", "started", "completed"], entries.Select(e => e.Details));
        Assert.Equal([DemandStatus.Assigned, DemandStatus.Responded, DemandStatus.InProgress], entries.Select(e => e.FromStatus!.Value));
        Assert.Equal("已接单", entries[0].Note);
    }

    [Fact]
    public void Rejected_ReturnsToClassifiedWithoutAssignee_SoTheStreetCanReassign()
    {
        var (demand, at) = AssignedToCompany();
        demand.ApplyWorkOrderUpdate(WorkOrderStatus.Accepted, Company, Property, at, null);

        Assert.True(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Rejected, Company, Property, at.AddMinutes(1), "不属于物业范围"));

        Assert.Equal(DemandStatus.Classified, demand.Status);
        Assert.Equal((null, null), (demand.AssigneeType, demand.AssigneeId));
        Assert.Equal([DemandAction.Classify, DemandAction.Assign], demand.AllowedActions);
        Assert.Equal(("rejected", DemandStatus.Responded, DemandStatus.Classified), (demand.History[^1].Details, demand.History[^1].FromStatus, demand.History[^1].ToStatus));
        Assert.False(demand.Assign(AssigneeType.Community, "c-1", Clerk, at.AddMinutes(2)));
    }

    [Fact]
    public void StaleOrBlockedUpdates_AreOnlyRecorded()
    {
        var (demand, at) = AssignedToCompany();
        demand.Respond(Clerk, at);
        demand.Whistle([Department], Clerk, at);
        demand.Start(Clerk, at);
        var version = demand.Version;

        Assert.False(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Accepted, Company, Property, at.AddMinutes(1), null));
        Assert.False(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Started, Company, Property, at.AddMinutes(2), null));
        Assert.False(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Completed, Company, Property, at.AddMinutes(3), null));
        Assert.Equal((DemandStatus.InProgress, (DateTimeOffset?)null, at), (demand.Status, demand.ResolvedAt, demand.RespondedAt));

        demand.CheckIn(Department, Clerk, at.AddMinutes(4));
        demand.Resolve(Clerk, at.AddMinutes(5));
        Assert.False(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Completed, Company, Property, at.AddMinutes(6), null));
        Assert.False(demand.ApplyWorkOrderUpdate(WorkOrderStatus.Rejected, Company, Property, at.AddMinutes(7), null));

        Assert.Equal((DemandStatus.Resolved, at.AddMinutes(5), (AssigneeType?)AssigneeType.PropertyCompany), (demand.Status, demand.ResolvedAt, demand.AssigneeType));
        Assert.Equal(version + 7, demand.Version);
        Assert.All(demand.History.Where(e => e.Action == "work_order"), e => Assert.Equal(e.FromStatus, e.ToStatus));
    }

    [Fact]
    public void UpdatesFromACompanyTheDemandIsNotAssignedTo_AreRefused()
    {
        var (demand, at) = AssignedToCompany();
        var (community, _) = In("assigned");

        var other = Assert.Throws<DemandRuleException>(() => demand.ApplyWorkOrderUpdate(WorkOrderStatus.Completed, "pc-8", Property, at, null));
        var notCompany = Assert.Throws<DemandRuleException>(() => community.ApplyWorkOrderUpdate(WorkOrderStatus.Accepted, "c-1", Property, at, null));

        Assert.Equal((DemandProblemCodes.NotAssignedToCompany, true), (other.Code, other.IsConflict));
        Assert.Equal(DemandProblemCodes.NotAssignedToCompany, notCompany.Code);
        Assert.Equal((DemandStatus.Assigned, 3), (demand.Status, demand.History.Count));
        Assert.Equal(DemandStatus.Assigned, community.Status);
    }
}
