using System.Net;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Districts.Tests;

/// <summary>A caller whose scope node was retired sees and changes nothing until re-scoped (the platform's one scope rule).</summary>
public sealed class RetiredScopeTests(DistrictsFixture fixture)
{
    [Fact]
    public async Task StreetAdmin_OfARetiredStreet_SeesAndChangesNothing()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));
        var street = (await admin.CreateNodeAsync("street", "T-RETIRED-S", "撤销街道", null)).GetProperty("id").GetGuid();
        var community = (await admin.CreateNodeAsync("community", "T-RETIRED-C", "撤销社区", street)).GetProperty("id").GetGuid();
        using var streetAdmin = fixture.Client(await fixture.MemberTokenAsync(DistrictsFixture.Demo, PlatformRoleNames.StreetAdmin, street));
        await (await streetAdmin.GetAsync(new Uri($"/api/territory/nodes/{community}", UriKind.Relative), TestContext.Current.CancellationToken)).AssertOkAsync();

        await (await admin.PostJsonAsync($"/api/territory/nodes/{community}/retire", new { })).AssertOkAsync();
        await (await admin.PostJsonAsync($"/api/territory/nodes/{street}/retire", new { })).AssertOkAsync();

        using var read = await streetAdmin.GetAsync(new Uri($"/api/territory/nodes/{community}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var create = await streetAdmin.PostJsonAsync("/api/territory/nodes", new { kind = "community", code = "T-RETIRED-N", name = "新社区", parentId = street });
        var search = await streetAdmin.GetJsonAsync("/api/territory/nodes?includeRetired=true&pageSize=100");
        var tree = await streetAdmin.GetJsonAsync("/api/territory/tree?includeRetired=true");

        await read.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        await create.AssertProblemAsync(HttpStatusCode.NotFound, "territory.node_not_found");
        Assert.Empty(search.GetProperty("items").EnumerateArray());
        Assert.Empty(tree.GetProperty("nodes").EnumerateArray());
    }
}
