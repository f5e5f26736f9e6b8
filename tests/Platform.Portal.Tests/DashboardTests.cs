using System.Text.Json;
using Bunit;
using Platform.Portal.Components.Dashboard;
using Platform.Portal.Features.Dashboard;
using Platform.Portal.Features.Territory;

namespace Platform.Portal.Tests;

/// <summary>The dashboard's rates as tables in Chinese number style and as the data its charts are drawn from.</summary>
public sealed class DashboardTests : PortalComponentTests
{
    private static NodeMetricsView Node(string name, double? response, double? resolution, double? satisfaction, int volume = 10) =>
        new(Guid.NewGuid(), name, "street", volume, response, resolution, satisfaction, Overdue: 1, new Dictionary<string, int>());

    [Theory]
    [InlineData(0.853, "85.3%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(0.0, "0.0%")]
    [InlineData(null, "—")]
    public void Format_Rate_IsAPercentWithOneDecimal_OrADashWhenNothingWasCounted(double? rate, string shown) =>
        Assert.Equal(shown, Rates.Format(rate));

    [Fact]
    public void Render_RankedNodes_AreNumberedInOrderWithTheirRates()
    {
        var table = Render<RatesTable>(p => p.Add(c => c.Nodes, [Node("东湖街道", 0.9, 0.75, null, volume: 1_234), Node("西山镇", 0.5, 0.5, 0.8)]).Add(c => c.Ranked, true));

        var rows = table.FindAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToArray();
        Assert.Equal(["1", "东湖街道", "1,234", "90.0%", "75.0%", "—", "1"], rows[0]);
        Assert.Equal(["2", "西山镇", "10", "50.0%", "50.0%", "80.0%", "1"], rows[1]);
    }

    [Fact]
    public void Render_RatesChart_HandsTheChartScriptEachRateInPercentPerNode()
    {
        var chart = Render<Chart>(p => p.Add(c => c.Spec, ChartSpec.RatesOf([Node("东湖街道", 0.8534, 0.5, null)])).Add(c => c.Label, "比率"));

        var spec = JsonDocument.Parse(chart.Find("[data-chart]").GetAttribute("data-chart")!).RootElement;
        Assert.Equal(["东湖街道"], spec.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.True(spec.GetProperty("percent").GetBoolean());
        var series = spec.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("values")[0]);
        Assert.Equal(85.3, series["响应率"].GetDouble());
        Assert.Equal(50, series["解决率"].GetDouble());
        // Nothing to count is no bar, not a bar at zero.
        Assert.Equal(JsonValueKind.Null, series["满意率"].ValueKind);
        Assert.Equal("img", chart.Find("[data-chart]").GetAttribute("role"));
    }

    [Fact]
    public void HotSpotsOf_Spots_AreBarsLargestFirstNamedByGridAndCategory()
    {
        var now = DateTimeOffset.UtcNow;
        var spec = ChartSpec.HotSpotsOf([new HotSpotView(Guid.NewGuid(), "第一网格", "环境卫生", 3, now, now), new HotSpotView(Guid.NewGuid(), null, "噪音扰民", 7, now, now)]);

        Assert.Equal(["未命名网格 · 噪音扰民", "第一网格 · 环境卫生"], spec.Categories);
        Assert.Equal([7d, 3d], spec.Series.Single().Values);
        Assert.False(spec.Percent);
    }

    private static Place Place(string kind, string code, string name) => new(Guid.NewGuid(), kind, code, name);

    [Fact]
    public void Choose_OnePlaceFound_IsTheDashboardsNode()
    {
        var street = Place("street", "110199001000", "东湖街道");

        var pick = NodePicker.Choose("东湖", [street]);

        Assert.Same(street, pick.Chosen);
        Assert.Empty(pick.Choices);
        Assert.Null(pick.Problem);
    }

    [Theory]
    [InlineData("东湖社区")]
    [InlineData("110199001001")]
    public void Choose_SeveralFound_TheOneWithExactlyThatNameOrCodeIsChosen(string typed)
    {
        Place[] found = [Place("street", "110199001000", "东湖街道"), Place("community", "110199001001", "东湖社区"), Place("compound", "110199001001C01", "东湖社区花园")];

        var pick = NodePicker.Choose(typed, found);

        Assert.Same(found[1], pick.Chosen);
    }

    [Fact]
    public void Choose_SeveralFoundNoneExactly_OffersThemAllToChooseFrom()
    {
        Place[] found = [Place("building", "110199001001C01B01", "1号楼"), Place("building", "110199001001C02B01", "1号楼")];

        var pick = NodePicker.Choose("1号楼", found);

        Assert.Null(pick.Chosen);
        Assert.Equal(found, pick.Choices);
        Assert.Null(pick.Problem);
    }

    [Fact]
    public void Choose_NothingFound_IsARefusalUnderTheNodeField()
    {
        var pick = NodePicker.Choose("不存在的地方", []);

        Assert.Null(pick.Chosen);
        Assert.Equal(["没有找到这个区域，请填写您负责范围内区域的名称或编码。"], pick.Problem!.For("node"));
    }
}
