using AntDesign;
using Bunit;
using Platform.Portal.Components.Demands;
using Platform.Portal.Components.Shared;

namespace Platform.Portal.Tests;

/// <summary>The UI kit speaks Chinese, and the portal's shared pieces are built from it.</summary>
public sealed class UiKitTests : PortalComponentTests
{
    [Fact]
    public void Render_EmptyListOfTheKit_SaysSoInChinese() =>
        Assert.Equal("暂无数据", Render<Empty>().Find(".ant-empty-description").TextContent.Trim());

    [Theory]
    [InlineData("whistled", "已吹哨", "ant-tag-blue")]
    [InlineData("closed", "已结案", "ant-tag-green")]
    [InlineData("reopened", "已重启", "ant-tag-red")]
    public void Render_StatusTag_NamesTheStatusInChineseInItsColour(string status, string name, string colourClass)
    {
        var tag = Render<DemandStatusTag>(p => p.Add(c => c.Status, status)).Find(".ant-tag");

        Assert.Equal(name, tag.TextContent.Trim());
        Assert.Contains(colourClass, tag.ClassList);
    }

    [Fact]
    public void Render_Forbidden_IsTheKitsResultPageWithAHeadingAndTheWayHome()
    {
        var page = Render<Forbidden>();

        Assert.NotNull(page.Find(".ant-result-403"));
        Assert.Equal("无权访问（403）", page.Find("h1").TextContent);
        Assert.Equal("/", page.Find("a.button-link").GetAttribute("href"));
    }
}
