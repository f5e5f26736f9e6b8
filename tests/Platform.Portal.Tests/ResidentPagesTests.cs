using Bunit;
using Platform.Portal.Api;
using Platform.Portal.Components.Demands;
using Platform.Portal.Features.Demands;
using Platform.Portal.Features.Territory;
using Platform.Portal.Ui;

namespace Platform.Portal.Tests;

/// <summary>The pieces of the residents' own pages: the rating form, the progress, what a filing sends.</summary>
public sealed class ResidentPagesTests : PortalComponentTests
{
    [Fact]
    public void Render_RatingForm_OffersThreeAnswersAndFiveScoresAsRequiredRadioButtons()
    {
        var form = Render<DemandRatingForm>();

        Assert.Equal(["satisfied", "basically_satisfied", "dissatisfied"], form.FindAll("input[name='Form.Satisfaction']").Select(i => i.GetAttribute("value")));
        Assert.Equal(["1", "2", "3", "4", "5"], form.FindAll("input[name='Form.Score']").Select(i => i.GetAttribute("value")));
        Assert.All(form.FindAll("input[type=radio]"), radio => Assert.True(radio.HasAttribute("required")));
        Assert.Equal("post", form.Find("form").GetAttribute("method"));
        // Every radio button is inside its label: the whole label is the touch target.
        Assert.All(form.FindAll("input[type=radio]"), radio => Assert.Equal("LABEL", radio.ParentElement!.TagName));
    }

    [Fact]
    public void Render_RatingRefusedForTheScore_ShowsTheChineseReasonUnderTheScores()
    {
        var problem = new ApiProblem(400, "validation_failed", "提交的内容有误，请按提示修改。", new Dictionary<string, string[]> { ["score"] = ["A score from 1 to 5."] });

        var form = Render<DemandRatingForm>(p => p.Add(c => c.Problem, problem));

        Assert.Equal("请打分：1 到 5 分。", form.Find("#problem-score").TextContent.Trim());
        Assert.Empty(form.FindAll("#problem-satisfaction"));
    }

    [Theory]
    [InlineData("received", false, 0)]
    [InlineData("assigned", false, 0)]
    [InlineData("whistled", false, 1)]
    [InlineData("reopened", false, 1)]
    [InlineData("resolved", false, 2)]
    [InlineData("resolved", true, 3)]
    [InlineData("unresolvable", true, 3)]
    [InlineData("closed", false, 3)]
    public void Render_ProgressSteps_MarkTheStageTheStatusReached(string status, bool rated, int stage)
    {
        var steps = Render<DemandProgressSteps>(p => p.Add(c => c.Status, status).Add(c => c.Rated, rated));

        Assert.Equal(stage.ToString(System.Globalization.CultureInfo.InvariantCulture), steps.Find(".progress-steps").GetAttribute("data-stage"));
        Assert.Equal(DemandProgress.Stages, steps.FindAll(".ant-steps-item-title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void ToRequest_ResidentsFiling_IsOnTheAppChannelWithBlankTextLeftOut()
    {
        var node = Guid.NewGuid();
        var form = new FileDemandForm { Title = "  楼道灯坏了 ", Description = "   ", Category = "公共设施", NodeId = node };

        var body = System.Text.Json.JsonSerializer.SerializeToElement(form.ToRequest());

        Assert.Equal("楼道灯坏了", body.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("description").ValueKind);
        Assert.Equal("app", body.GetProperty("channel").GetString());
        Assert.Equal(node, body.GetProperty("nodeId").GetGuid());
    }

    [Theory]
    [InlineData("compound", "东湖新村（小区）")]
    [InlineData("building", "东湖新村（楼栋）")]
    [InlineData("something_new", "东湖新村（something_new）")]
    public void Label_Place_NamesItsLevelInChinese(string kind, string label) =>
        Assert.Equal(label, new Place(Guid.NewGuid(), kind, "110199001001C01", "东湖新村").Label);

    [Theory]
    [InlineData(false, "/preferences/text-size?large=true&returnUrl=%2Fmy%2Fdemands%3Fpage%3D2")]
    [InlineData(true, "/preferences/text-size?large=false&returnUrl=%2Fmy%2Fdemands%3Fpage%3D2")]
    public void ToggleLink_FromAPage_SwitchesToTheOtherSizeAndComesBack(bool large, string link) =>
        Assert.Equal(link, TextSize.ToggleLink(large, "/my/demands?page=2"));
}
