using Platform.Residents.Domain.Demands;
using static Platform.Residents.Tests.Demands.DemandScenarios;

namespace Platform.Residents.Tests.Demands;

public sealed class DemandFilingTests
{
    private static Demand FileWith(
        string title = "楼道堆物", string description = "", string category = Category, string? nodePath = null, string trackingNumber = "GZ-1",
        DemandChannel channel = DemandChannel.App) =>
        Demand.File(
            TenantId, trackingNumber, title, description, category, channel, DemandPriority.Normal, NodeId, nodePath ?? NodePath, null, null, Clerk, Sla, Now);

    [Fact]
    public void File_KeepsWhatItWasGiven_Trimmed()
    {
        var gridId = Guid.CreateVersion7();
        var residentId = Guid.CreateVersion7();

        var demand = Demand.File(
            TenantId, " GZ-2026-000042 ", " 路灯不亮 ", " 小区东门路灯已坏一周。 ", " 市政设施 ", DemandChannel.Patrol, DemandPriority.Urgent,
            NodeId, NodePath, gridId, residentId, Clerk, Sla, Now);

        Assert.Equal(7, demand.Id.Version);
        Assert.Equal((TenantId, "GZ-2026-000042", "路灯不亮", "小区东门路灯已坏一周。", "市政设施"), (demand.TenantId, demand.TrackingNumber, demand.Title, demand.Description, demand.Category));
        Assert.Equal((DemandChannel.Patrol, DemandPriority.Urgent, NodeId, NodePath, gridId, residentId), (demand.Channel, demand.Priority, demand.NodeId, demand.NodePath, demand.GridId, demand.ResidentId));
        Assert.Equal((DemandStatus.Received, "u-clerk", Now), (demand.Status, demand.FiledBy, demand.ReceivedAt));
        Assert.Equal((null, null, null, null, 0), (demand.RespondedAt, demand.ResolvedAt, demand.ClosedAt, demand.AssigneeType, demand.ReopenCount));
        Assert.Empty(demand.Summons);
        Assert.False(demand.HasPendingSummons);
    }

    [Fact]
    public void File_RefusesBlankOrOverlongFields_NamingThem()
    {
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => FileWith(title: " ")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => FileWith(title: new string('题', Demand.MaxTitleLength + 1))).ParamName);
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => FileWith(category: "")).ParamName);
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => FileWith(category: new string('类', Demand.MaxCategoryLength + 1))).ParamName);
        Assert.Equal("description", Assert.Throws<ArgumentException>(() => FileWith(description: new string('述', Demand.MaxDescriptionLength + 1))).ParamName);
        Assert.Equal("trackingNumber", Assert.Throws<ArgumentException>(() => FileWith(trackingNumber: " ")).ParamName);
        Assert.Equal("nodePath", Assert.Throws<ArgumentException>(() => FileWith(nodePath: $"/{StreetId}/")).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => FileWith(channel: (DemandChannel)99)).ParamName);
    }

    [Fact]
    public void File_AcceptsFieldsAtTheirLimits()
    {
        var demand = FileWith(new string('题', Demand.MaxTitleLength), new string('述', Demand.MaxDescriptionLength), new string('类', Demand.MaxCategoryLength));

        Assert.Equal(Demand.MaxTitleLength, demand.Title.Length);
    }

    [Fact]
    public void Classify_MayMoveTheDemandToAnotherNodeWithItsGrid()
    {
        var demand = File();
        var nodeId = Guid.CreateVersion7();
        var gridId = Guid.CreateVersion7();

        demand.Classify("供暖", nodeId, $"/{StreetId}/{nodeId}/", gridId, Sla, Clerk, Now);

        Assert.Equal((nodeId, $"/{StreetId}/{nodeId}/", gridId, "供暖"), (demand.NodeId, demand.NodePath, demand.GridId, demand.Category));
        Assert.Equal($"供暖@{nodeId}", demand.History[^1].Details);
    }

    public static TheoryData<string, Guid?, string?, Guid?> MalformedClassifications => new()
    {
        { " ", null, null, null },
        { new string('类', Demand.MaxCategoryLength + 1), null, null, null },
        { Category, null, NodePath, null },
        { Category, null, null, Guid.CreateVersion7() },
        { Category, Guid.CreateVersion7(), NodePath, null },
        { Category, Guid.Empty, "/", null },
    };

    [Theory]
    [MemberData(nameof(MalformedClassifications))]
    public void Classify_WithMalformedArguments_IsAValidationProblem(string category, Guid? nodeId, string? nodePath, Guid? gridId)
    {
        var demand = File();

        var refusal = Assert.Throws<DemandRuleException>(() => demand.Classify(category, nodeId, nodePath, gridId, Sla, Clerk, Now));

        Assert.Equal((DemandProblemCodes.InvalidArgument, false), (refusal.Code, refusal.IsConflict));
        Assert.Equal((DemandStatus.Received, Category, NodeId), (demand.Status, demand.Category, demand.NodeId));
    }

    [Fact]
    public void Assign_WithABlankOverlongOrUndefinedAssignee_IsAValidationProblem()
    {
        var (demand, at) = In("classified");

        foreach (var assign in new Action[]
        {
            () => demand.Assign(AssigneeType.Community, " ", Clerk, at),
            () => demand.Assign(AssigneeType.Community, new string('a', Demand.MaxAssigneeIdLength + 1), Clerk, at),
            () => demand.Assign((AssigneeType)9, "c-1", Clerk, at),
        })
        {
            Assert.Equal(DemandProblemCodes.InvalidArgument, Assert.Throws<DemandRuleException>(assign).Code);
        }

        Assert.Equal((DemandStatus.Classified, (AssigneeType?)null), (demand.Status, demand.AssigneeType));
    }

    [Fact]
    public void MarkUnresolvable_NeedsAReasonOfAtMostFiveHundredCharacters()
    {
        var (demand, at) = In("in_progress");

        var blank = Assert.Throws<DemandRuleException>(() => demand.MarkUnresolvable(" ", Clerk, at));
        var overlong = Assert.Throws<DemandRuleException>(() => demand.MarkUnresolvable(new string('因', Demand.MaxReasonLength + 1), Clerk, at));
        demand.MarkUnresolvable($" {new string('因', Demand.MaxReasonLength)} ", Clerk, at);

        Assert.Equal((DemandProblemCodes.ReasonRequired, false), (blank.Code, blank.IsConflict));
        Assert.Equal((DemandProblemCodes.InvalidArgument, false), (overlong.Code, overlong.IsConflict));
        Assert.Equal((DemandStatus.Unresolvable, new string('因', Demand.MaxReasonLength), (DateTimeOffset?)at), (demand.Status, demand.UnresolvableReason, demand.ResolvedAt));
    }
}
