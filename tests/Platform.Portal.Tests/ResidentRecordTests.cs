using System.Text.Json;
using Bunit;
using Platform.Portal.Api;
using Platform.Portal.Components.Residents;
using Platform.Portal.Features.Residents;
using Platform.Portal.Features.Territory;

namespace Platform.Portal.Tests;

/// <summary>The registry's tag and move forms: what they send, and the homes a move offers.</summary>
public sealed class ResidentRecordTests : PortalComponentTests
{
    private static TreeNodeView Node(string kind, string name, string status = "active", params TreeNodeView[] children) =>
        new(Guid.NewGuid(), kind, $"C-{name}", name, status, children);

    private static TerritoryNodeView Place(string kind, string name, string status = "active") =>
        new(Guid.NewGuid(), kind, $"C-{name}", name, Guid.NewGuid(), "/", 5, status, null, new TerritoryAttributesView(null, null, null, null));

    [Fact]
    public void ToRequest_TagsTicked_AddsThemAndRemovesEveryOtherChosenTag_NeverAnAgeTag()
    {
        var form = new ResidentTagsForm { Tags = ["living-alone", "disabled", "elderly"] };

        var body = JsonSerializer.SerializeToElement(form.ToRequest());

        var added = body.GetProperty("add").EnumerateArray().Select(t => t.GetString()).ToArray();
        var removed = body.GetProperty("remove").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Equal(["disabled", "living-alone"], added.Order());
        Assert.Equal(["low-income", "special-care"], removed.Order());
        // Age tags follow from the birth date: the form neither adds nor removes them, even when posted.
        Assert.DoesNotContain("elderly", added.Concat(removed));
        Assert.DoesNotContain("minor", added.Concat(removed));
    }

    [Fact]
    public void ToRequest_Move_SendsTheHomeAndTheDoorNumberTrimmed_OrNoneWhenBlank()
    {
        var home = Guid.NewGuid();

        var numbered = JsonSerializer.SerializeToElement(new HomeMoveForm { NodeId = home, Household = " 302 " }.ToRequest());
        var blank = JsonSerializer.SerializeToElement(new HomeMoveForm { NodeId = home, Household = "  " }.ToRequest());

        Assert.Equal(home, numbered.GetProperty("nodeId").GetGuid());
        Assert.Equal("302", numbered.GetProperty("household").GetString());
        Assert.Equal(JsonValueKind.Null, blank.GetProperty("household").ValueKind);
    }

    [Fact]
    public void Under_Compound_OffersItsBuildingsAndUnitsNamedWithTheCompound_WithoutRetiredOnes()
    {
        var compound = Place("compound", "东湖新村");
        var tree = new[]
        {
            Node("building", "1号楼", children: [Node("unit", "1单元"), Node("unit", "2单元", status: "retired")]),
            Node("building", "2号楼", status: "retired", children: Node("unit", "1单元")),
        };

        var homes = Homes.Under(compound, tree);

        Assert.Equal(["东湖新村 1号楼", "东湖新村 1号楼 1单元"], homes.Select(h => h.Label));
        Assert.Equal([tree[0].Id, tree[0].Children[0].Id], homes.Select(h => h.Id));
    }

    [Fact]
    public void Under_Building_OffersTheBuildingItselfBeforeItsUnits()
    {
        var building = Place("building", "3号楼");

        var homes = Homes.Under(building, [Node("unit", "1单元")]);

        Assert.Equal(["3号楼", "3号楼 1单元"], homes.Select(h => h.Label));
        Assert.Equal(building.Id, homes[0].Id);
        Assert.Empty(Homes.Under(Place("building", "4号楼", status: "retired"), [Node("unit", "1单元")]));
    }

    [Fact]
    public void Render_HomeFinder_LinksOnlyPlacesThatHoldHomes_AndMarksTheOneChosen()
    {
        Guid chosen = Guid.NewGuid(), other = Guid.NewGuid();
        Place[] found =
        [
            new(Guid.NewGuid(), "community", "110199001001", "东湖社区"),
            new(chosen, "compound", "110199001001C01", "东湖新村"),
            new(other, "building", "110199001001C02B01", "1号楼"),
        ];

        var finder = Render<HomeFinder>(p => p.Add(c => c.Place, "东湖").Add(c => c.Places, found).Add(c => c.At, chosen));

        var items = finder.FindAll(".home-places li");
        Assert.Equal(2, items.Count);
        Assert.Equal("true", items[0].QuerySelector("strong")!.GetAttribute("aria-current"));
        Assert.Null(items[0].QuerySelector("a"));
        Assert.EndsWith($"at={other}", items[1].QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("东湖社区", finder.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HomeChoices_AreRequiredRadioButtonsWithTheDoorNumberAndItsRefusal()
    {
        Home[] homes = [new(Guid.NewGuid(), "东湖新村 1号楼"), new(Guid.NewGuid(), "东湖新村 1号楼 1单元")];
        var problem = new ApiProblem(409, "household.number_taken", ProblemTexts.Describe("household.number_taken", 409),
            new Dictionary<string, string[]> { ["household"] = ["At most 20 characters."] });

        var choices = Render<HomeChoices>(p => p.Add(c => c.Homes, homes).Add(c => c.Selected, homes[1].Id).Add(c => c.Household, "301")
            .Add(c => c.HouseholdHint, "不填则沿用原门牌号 301。").Add(c => c.Problem, problem));

        var radios = choices.FindAll("input[name='Form.NodeId']");
        Assert.Equal(homes.Select(h => h.Id.ToString()), radios.Select(r => r.GetAttribute("value")));
        Assert.Equal([false, true], radios.Select(r => r.HasAttribute("checked")));
        Assert.All(radios, radio => Assert.True(radio.HasAttribute("required")));
        Assert.Equal("301", choices.Find("#household").GetAttribute("value"));
        Assert.Equal("household-hint problem-household", choices.Find("#household").GetAttribute("aria-describedby"));
        Assert.Equal("请填写门牌号，不超过 20 个字。", choices.Find("#problem-household").TextContent.Trim());
        Assert.Equal("这个门牌号已有另一户居住，请核对门牌号。", problem.Message);
    }

    [Fact]
    public void Render_NoHomes_SaysSoInsteadOfAnEmptyChoice()
    {
        var choices = Render<HomeChoices>(p => p.Add(c => c.Homes, []).Add(c => c.HouseholdHint, ""));

        Assert.Empty(choices.FindAll("input"));
        Assert.Contains("没有可以居住的楼栋或单元", choices.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }
}
