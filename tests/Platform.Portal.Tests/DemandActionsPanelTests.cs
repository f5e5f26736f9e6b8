using Bunit;
using Platform.Portal.Components.Demands;
using Platform.Portal.Features.Demands;

namespace Platform.Portal.Tests;

/// <summary>The demand's page offers exactly the steps the residents service says are allowed now.</summary>
public sealed class DemandActionsPanelTests : PortalComponentTests
{
    private static DemandView Demand(IReadOnlyList<string> allowed, params DemandSummons[] summons) => new(
        Guid.NewGuid(), "D20261202-0001", "assigned", "楼道堆物", "三楼楼道堆满杂物", "环境卫生", "hotline", "normal",
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24), DateTimeOffset.UtcNow.AddDays(7), new DemandOverdue(false, false),
        allowed, summons, []);

    private IReadOnlyList<string> OfferedActions(DemandView demand) =>
        [.. Render<DemandActionsPanel>(p => p.Add(c => c.Demand, demand)).FindAll("button[name='Form.Action']").Select(b => b.GetAttribute("value")!)];

    [Fact]
    public void Render_AllowedActions_OffersExactlyThoseInWorkflowOrder()
    {
        var offered = OfferedActions(Demand(["whistle", "respond", "assign"]));

        Assert.Equal(["assign", "respond", "whistle"], offered);
    }

    [Fact]
    public void Render_ActionButtons_AreNamedInChinese()
    {
        var panel = Render<DemandActionsPanel>(p => p.Add(c => c.Demand, Demand(["whistle", "start"])));

        Assert.Equal(["吹哨", "开始办理"], panel.FindAll("button").Select(b => b.TextContent));
    }

    [Fact]
    public void Render_CallbackAllowed_IsNotOfferedToWorkersAsItIsTheResidentsStep()
    {
        var panel = Render<DemandActionsPanel>(p => p.Add(c => c.Demand, Demand(["callback"])));

        Assert.Empty(panel.FindAll("button"));
        Assert.NotNull(panel.Find("[data-testid=no-actions]"));
    }

    [Fact]
    public void Render_CheckinAllowed_OffersOnlyTheDepartmentsThatHaveNotCheckedIn()
    {
        var demand = Demand(
            ["checkin", "resolve"],
            new DemandSummons("城管", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow),
            new DemandSummons("公安", DateTimeOffset.UtcNow, null));

        var panel = Render<DemandActionsPanel>(p => p.Add(c => c.Demand, demand));

        Assert.Equal(["公安"], panel.FindAll("#action-department option").Select(o => o.TextContent));
    }

    [Fact]
    public void Render_CheckinAllowedButEveryDepartmentCheckedIn_DoesNotOfferIt()
    {
        var demand = Demand(["checkin", "start"], new DemandSummons("城管", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        Assert.Equal(["start"], OfferedActions(demand));
    }

    [Fact]
    public void Render_RefusedWhistle_ShowsTheChineseReasonUnderTheDepartmentsField()
    {
        var problem = new Portal.Api.ApiProblem(400, "validation_failed", "提交的内容有误，请按提示修改。",
            new Dictionary<string, string[]> { ["departments"] = ["whistle needs the departments summoned."] });

        var panel = Render<DemandActionsPanel>(p => p.Add(c => c.Demand, Demand(["whistle"])).Add(c => c.Problem, problem));

        Assert.Equal("请填写要召集的部门，多个部门用顿号或逗号分隔。", panel.Find("fieldset[data-action=whistle] #problem-departments").TextContent.Trim());
    }

    [Fact]
    public void ToRequest_Whistle_SplitsTheDepartmentsOnChineseAndLatinSeparators()
    {
        var form = new DemandActionForm { Action = "whistle", Departments = "城管、公安，街道办, 消防", Reason = "ignored" };

        var body = form.ToRequest();

        Assert.Equal(["城管", "公安", "街道办", "消防"], (string[])body["departments"]!);
        Assert.False(body.ContainsKey("reason"));
    }
}
