using Bunit;
using Platform.Portal.Components.Territory;
using Platform.Portal.Components.Users;
using Platform.Portal.Features.Territory;
using Platform.Portal.Features.Users;

namespace Platform.Portal.Tests;

/// <summary>The territory tree's disclosures and the roles a member is offered.</summary>
public sealed class TerritoryAndUsersTests : PortalComponentTests
{
    private static TreeNodeView Node(string kind, string name, string status = "active", params TreeNodeView[] children) =>
        new(Guid.NewGuid(), kind, $"C-{name}", name, status, children);

    [Fact]
    public void Render_Tree_NodesWithChildrenOpenAsDisclosures_LeavesAreLinksOnly()
    {
        var community = Node("community", "东湖社区");
        var street = Node("street", "东湖街道", children: community);

        var tree = Render<TreeBranch>(p => p.Add(c => c.Nodes, [street]));

        var disclosure = tree.Find("details");
        Assert.Equal("东湖街道（街道）", disclosure.QuerySelector("summary a")!.TextContent);
        Assert.Equal($"/territory?node={street.Id}", disclosure.QuerySelector("summary a")!.GetAttribute("href"));
        // The community is inside the street's disclosure, a leaf without one of its own.
        Assert.Equal(["东湖街道（街道）", "东湖社区（社区）"], disclosure.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Single(tree.FindAll("details"));
    }

    [Fact]
    public void Render_RetiredNode_IsMarkedAsRetired()
    {
        var tree = Render<TreeBranch>(p => p.Add(c => c.Nodes, [Node("grid", "第一网格", status: "retired")]));

        Assert.Contains("retired", tree.Find("li").ClassList);
        Assert.Contains("已撤销", tree.Find("li").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RoleChoices_OffersEveryDistrictRoleInChinese_WithTheMembersOwnChecked()
    {
        var choices = Render<RoleChoices>(p => p.Add(c => c.Roles, ["community-worker", "party-member"]).Add(c => c.ScopeCode, "110199001001"));

        var boxes = choices.FindAll("input[type=checkbox]");
        Assert.Equal(DistrictRoles.All.Select(r => r.WireName), boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal(["community-worker", "party-member"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
        Assert.Contains("社区工作者", choices.Markup, StringComparison.Ordinal);
        Assert.Equal("110199001001", choices.Find("#scopeCode").GetAttribute("value"));
    }

    [Fact]
    public void ToRequest_NewUser_SendsTheRolesAndTheScopeFoundForTheCode()
    {
        var scope = Guid.NewGuid();
        var form = new NewUserForm { Login = " li.ming ", DisplayName = "李明", Password = "Li-Ming-2026!", Phone = " ", Roles = ["grid-worker", "volunteer"] };

        var body = System.Text.Json.JsonSerializer.SerializeToElement(form.ToRequest(scope));

        Assert.Equal("li.ming", body.GetProperty("login").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("phone").ValueKind);
        Assert.Equal(["grid-worker", "volunteer"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(scope, body.GetProperty("scopeNodeId").GetGuid());
    }
}
