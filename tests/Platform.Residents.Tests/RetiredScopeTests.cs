using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Testing;
using Platform.Testing.Services;

namespace Platform.Residents.Tests;

/// <summary>A worker whose scope node was retired sees nothing until re-scoped (the platform's one scope rule).</summary>
public sealed class RetiredScopeTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreetAdmin_OfARetiredStreet_SeesNoResidentsOrDemands()
    {
        var (street, community, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var tenantId = ResidentsFixture.Demo.Id;
        var tree = new TestTreeBuilder(tenantId);
        tree.Add(street, null, TerritoryNodeKind.Street, "撤销街道");
        tree.Add(community, street, TerritoryNodeKind.Community, "撤销社区");
        tree.Add(building, community, TerritoryNodeKind.Building, "1号楼");
        foreach (var added in tree.Events)
        {
            await fixture.Bus.Publish(added, Cancellation);
        }

        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == building, Cancellation), ResidentsFixture.Demo);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var resident = await (await admin.PostAsJsonAsync("/api/residents", new { name = "老住户", idNumber = TestPeople.IdNumber(), nodeId = building, household = "101" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var demand = await (await admin.PostAsJsonAsync("/api/demands", new { title = "楼道灯坏了", category = "市政设施", channel = "patrol", nodeId = building }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var residentUri = new Uri($"/api/residents/{resident.GetProperty("id").GetGuid()}", UriKind.Relative);
        var demandUri = new Uri($"/api/demands/{demand.GetProperty("id").GetGuid()}", UriKind.Relative);
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        await (await streetAdmin.GetAsync(residentUri, Cancellation)).AssertOkAsync();

        await fixture.Bus.Publish(new TerritoryNodeRetiredIntegrationEvent { TenantId = tenantId, NodeId = street }, Cancellation);
        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == street && n.Retired, Cancellation), ResidentsFixture.Demo);

        await (await streetAdmin.GetAsync(residentUri, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await streetAdmin.GetAsync(demandUri, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "demand.not_found");
        Assert.Empty(Items(await (await streetAdmin.GetAsync(new Uri("/api/residents?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync()));
        Assert.Empty(Items(await (await streetAdmin.GetAsync(new Uri("/api/demands?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync()));
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();
}
