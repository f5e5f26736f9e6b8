using System.Net;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Testing;

namespace Platform.Districts.Tests;

/// <summary>The territory API on the demo district (sample territory: 东湖街道, 西山街道, 南苑街道, 北辰镇, …).</summary>
public sealed class TerritoryApiTests(DistrictsFixture fixture)
{
    private const string EastLake = "110199001000";
    private const string WestHill = "110199002000";

    [Fact]
    public async Task Tree_OfTheDemoDistrict_NestsStreetsAndCommunities()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));

        var tree = await admin.GetJsonAsync("/api/territory/tree?depth=2");

        var streets = tree.GetProperty("nodes").EnumerateArray().Where(n => n.GetProperty("code").GetString()!.StartsWith("110199", StringComparison.Ordinal)).ToList();
        Assert.Equal(["东湖街道", "西山街道", "南苑街道", "北辰镇"], streets.Select(s => s.GetProperty("name").GetString()));
        var sampleCommunities = streets[0].GetProperty("children").EnumerateArray().Where(c => c.GetProperty("code").GetString()!.StartsWith("110199001", StringComparison.Ordinal));
        Assert.Equal(6, sampleCommunities.Count());
        Assert.All(streets[0].GetProperty("children").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("children").GetArrayLength()));
    }

    [Fact]
    public async Task CreateRenameMoveRetire_ChangeTheTreeAndPublishAnEventForEachChange()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var street = await admin.CreateNodeAsync("street", "T-CRUD-S", "测试街道", null);
        var community = await admin.CreateNodeAsync("community", "T-CRUD-C", "测试社区", street.GetProperty("id").GetGuid(), new { communityKind = "commercial" });
        var grid = await admin.CreateNodeAsync("grid", "T-CRUD-G", "测试网格", community.GetProperty("id").GetGuid());
        var communityId = community.GetProperty("id").GetGuid();
        var gridId = grid.GetProperty("id").GetGuid();

        var renamed = await (await admin.PatchJsonAsync($"/api/territory/nodes/{communityId}", new { name = "新测试社区", attributes = new { communityKind = "old_estate", households = 800 } })).AssertOkAsync();
        var eastLake = await admin.NodeIdAsync(EastLake);
        var moved = await (await admin.PostJsonAsync($"/api/territory/nodes/{communityId}/move", new { parentId = eastLake })).AssertOkAsync();
        var movedGrid = await admin.GetJsonAsync($"/api/territory/nodes/{gridId}");
        using var retireBusy = await admin.PostJsonAsync($"/api/territory/nodes/{communityId}/retire", new { });
        var retiredGrid = await (await admin.PostJsonAsync($"/api/territory/nodes/{gridId}/retire", new { })).AssertOkAsync();

        Assert.Equal("新测试社区", renamed.GetProperty("name").GetString());
        Assert.Equal("old_estate", renamed.GetProperty("attributes").GetProperty("communityKind").GetString());
        Assert.Equal($"/{eastLake}/{communityId}/", moved.GetProperty("path").GetString());
        Assert.Equal($"/{eastLake}/{communityId}/{gridId}/", movedGrid.GetProperty("path").GetString());
        Assert.Equal(3, movedGrid.GetProperty("depth").GetInt32());
        await retireBusy.AssertProblemAsync(HttpStatusCode.Conflict, "territory.has_active_children");
        Assert.Equal("retired", retiredGrid.GetProperty("status").GetString());

        await fixture.RecordedAsync<TerritoryNodeAddedIntegrationEvent>(e => e.NodeId == gridId && e.Kind == TerritoryNodeKind.Grid);
        await fixture.RecordedAsync<TerritoryNodeRenamedIntegrationEvent>(e => e.NodeId == communityId && e.Name == "新测试社区");
        await fixture.RecordedAsync<TerritoryNodeAttributesChangedIntegrationEvent>(e => e.NodeId == communityId && e.Households == 800 && e.CommunityKind == "old_estate");
        var movedEvent = await fixture.RecordedAsync<TerritoryNodeMovedIntegrationEvent>(e => e.NodeId == communityId);
        Assert.Equal(community.GetProperty("path").GetString(), movedEvent.OldPath);
        Assert.Equal($"/{eastLake}/{communityId}/", movedEvent.NewPath);
        var retired = await fixture.RecordedAsync<TerritoryNodeRetiredIntegrationEvent>(e => e.NodeId == gridId);
        Assert.Equal(DemoDistrict.Id, retired.TenantId);
    }

    [Fact]
    public async Task Create_BreakingTheRules_AnswersWithTheRuleAndChangesNothing()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var eastLake = await admin.NodeIdAsync(EastLake);

        using var buildingUnderStreet = await admin.PostJsonAsync("/api/territory/nodes", new { kind = "building", code = "T-RULE-B", name = "1号楼", parentId = eastLake });
        using var duplicateCode = await admin.PostJsonAsync("/api/territory/nodes", new { kind = "street", code = WestHill, name = "重复", parentId = (Guid?)null });
        using var invalid = await admin.PostJsonAsync("/api/territory/nodes", new { kind = "street", code = "has space", name = "" });
        using var unknownKind = await admin.PostJsonAsync("/api/territory/nodes", new { kind = "province", code = "T-RULE-P", name = "省" });
        using var wrongAttribute = await admin.PostJsonAsync("/api/territory/nodes", new { kind = "street", code = "T-RULE-A", name = "街道", attributes = new { governanceMode = "five_party" } });

        await buildingUnderStreet.AssertProblemAsync(HttpStatusCode.BadRequest, "territory.kind_not_allowed_here");
        await duplicateCode.AssertProblemAsync(HttpStatusCode.Conflict, "territory.code_taken");
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        await wrongAttribute.AssertProblemAsync(HttpStatusCode.BadRequest, "territory.attribute_not_applicable");
        var search = await admin.GetJsonAsync("/api/territory/nodes?q=T-RULE");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Move_IntoItsOwnSubtreeOrAgainstNesting_IsRefused()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var community = await admin.NodeIdAsync("110199003001");
        var grid = await admin.NodeIdAsync("110199003001G01");
        var compound = await admin.NodeIdAsync("110199003001C01");

        var street = await admin.NodeIdAsync("110199003000");

        using var gridUnderItsCompound = await admin.PostJsonAsync($"/api/territory/nodes/{grid}/move", new { parentId = compound });
        using var communityUnderItsGrid = await admin.PostJsonAsync($"/api/territory/nodes/{community}/move", new { parentId = grid });
        using var compoundUnderStreet = await admin.PostJsonAsync($"/api/territory/nodes/{compound}/move", new { parentId = street });

        await gridUnderItsCompound.AssertProblemAsync(HttpStatusCode.Conflict, "territory.move_into_own_subtree");
        await communityUnderItsGrid.AssertProblemAsync(HttpStatusCode.Conflict, "territory.move_into_own_subtree");
        await compoundUnderStreet.AssertProblemAsync(HttpStatusCode.BadRequest, "territory.kind_not_allowed_here");
        Assert.StartsWith($"/{street}/{community}/{grid}/", (await admin.GetJsonAsync($"/api/territory/nodes/{compound}")).GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAndChildren_ArePagedAndFiltered()
    {
        using var worker = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.CommunityWorker));

        var communities = await worker.GetJsonAsync("/api/territory/nodes?q=南苑&kind=community");
        var southPark = await worker.NodeIdAsync("110199003000");
        var firstPage = await worker.GetJsonAsync($"/api/territory/nodes/{southPark}/children?pageSize=4");
        var secondPage = await worker.GetJsonAsync($"/api/territory/nodes/{southPark}/children?pageSize=4&page=2");

        Assert.Equal(["南苑社区"], communities.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(6, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(4, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(2, secondPage.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task StreetAdmin_SeesAndChangesOnlyTheirStreet()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var eastLake = await admin.NodeIdAsync(EastLake);
        var westHill = await admin.NodeIdAsync(WestHill);
        var westCommunity = await admin.NodeIdAsync("110199002001");
        var eastCommunity = await admin.NodeIdAsync("110199001002");
        using var streetAdmin = fixture.Client(await fixture.MemberTokenAsync(DistrictsFixture.Demo, PlatformRoleNames.StreetAdmin, eastLake));

        using var readOther = await streetAdmin.GetAsync(new Uri($"/api/territory/nodes/{westHill}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var createInOther = await streetAdmin.PostJsonAsync("/api/territory/nodes", new { kind = "community", code = "T-SCOPE-W", name = "越界社区", parentId = westHill });
        using var renameOther = await streetAdmin.PatchJsonAsync($"/api/territory/nodes/{westCommunity}", new { name = "改名" });
        using var moveToOther = await streetAdmin.PostJsonAsync($"/api/territory/nodes/{eastCommunity}/move", new { parentId = westHill });
        using var renameOwnStreet = await streetAdmin.PatchJsonAsync($"/api/territory/nodes/{eastLake}", new { name = "改名街道" });
        var createdInOwn = await streetAdmin.CreateNodeAsync("community", "T-SCOPE-E", "新东湖社区", eastLake);
        var search = await streetAdmin.GetJsonAsync("/api/territory/nodes?q=社区&pageSize=100");
        var tree = await streetAdmin.GetJsonAsync("/api/territory/tree");

        await readOther.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await createInOther.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await renameOther.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await moveToOther.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await renameOwnStreet.AssertProblemAsync(HttpStatusCode.Forbidden, "territory.outside_scope");
        Assert.StartsWith($"/{eastLake}/", createdInOwn.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(search.GetProperty("items").EnumerateArray());
        Assert.All(search.GetProperty("items").EnumerateArray(), n => Assert.StartsWith($"/{eastLake}/", n.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.Equal(eastLake, tree.GetProperty("rootId").GetGuid());
        var westName = await admin.GetJsonAsync($"/api/territory/nodes/{westCommunity}");
        Assert.NotEqual("改名", westName.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Resident_ReadsButCannotChangeTheTree()
    {
        using var resident = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.Resident));

        var tree = await resident.GetJsonAsync("/api/territory/tree");
        using var create = await resident.PostJsonAsync("/api/territory/nodes", new { kind = "street", code = "T-RES-S", name = "居民街道" });

        Assert.NotEmpty(tree.GetProperty("nodes").EnumerateArray());
        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "territory.outside_scope");
    }

    [Fact]
    public async Task AnotherDistrict_NeitherSeesNorTouchesTheDemoTree_AndMayReuseItsCodes()
    {
        using var operatorClient = fixture.Client(await fixture.OperatorTokenAsync());
        (await operatorClient.PostJsonAsync("/api/districts", new
        {
            identifier = "yanqing", name = "延庆区", city = "北京市", adminCode = "110119", adminLogin = "yq-admin", adminPassword = "Admin-Test-2026!",
        })).EnsureSuccessStatusCode();
        using var demoAdmin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var demoStreet = await demoAdmin.NodeIdAsync(EastLake);
        var token = await fixture.TokenOnceKnownAsync("yq-admin", "Admin-Test-2026!", "yanqing");

        using var other = fixture.Client(token);
        using var read = await other.GetAsync(new Uri($"/api/territory/nodes/{demoStreet}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var rename = await other.PatchJsonAsync($"/api/territory/nodes/{demoStreet}", new { name = "劫持" });
        var search = await other.GetJsonAsync($"/api/territory/nodes?q={EastLake}");
        using var children = await other.GetAsync(new Uri($"/api/territory/nodes/{demoStreet}/children", UriKind.Relative), TestContext.Current.CancellationToken);
        using var subtree = await other.GetAsync(new Uri($"/api/territory/tree?root={demoStreet}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var retire = await other.PostJsonAsync($"/api/territory/nodes/{demoStreet}/retire", new { });
        var demoJob = await demoAdmin.ImportAsync(System.Text.Encoding.UTF8.GetBytes("kind,code,name,parent_code\r\nstreet,T-ISO-S,隔离街道,\r\n"));
        using var otherJob = await other.GetAsync(new Uri($"/api/territory/imports/{demoJob.GetProperty("id").GetGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);
        var otherJobs = await other.GetJsonAsync("/api/territory/imports");
        var sameCode = await other.CreateNodeAsync("street", EastLake, "延庆的街道", null);

        await read.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await rename.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        await children.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await subtree.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await retire.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await otherJob.AssertProblemAsync(HttpStatusCode.NotFound, "imports.job_not_found");
        Assert.Equal(0, otherJobs.GetProperty("total").GetInt32());
        Assert.NotEqual(demoStreet, sameCode.GetProperty("id").GetGuid());
        var untouched = await demoAdmin.GetJsonAsync($"/api/territory/nodes/{demoStreet}");
        Assert.Equal("东湖街道", untouched.GetProperty("name").GetString());
        Assert.Equal("active", untouched.GetProperty("status").GetString());
    }
}
