using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests;

/// <summary>The residents service follows the districts service's tree: moves carry residents and demands along, retired nodes take no one.</summary>
public sealed class TerritoryReplicaTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACommunityMovedToAnotherStreet_TakesItsResidentsAndDemandsIntoThatStreetsScope()
    {
        var (fromStreet, toStreet, community, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var tenantId = ResidentsFixture.Demo.Id;
        TerritoryNodeAddedIntegrationEvent Added(Guid id, Guid? parent, string parentPath, TerritoryNodeKind kind) => new()
        {
            TenantId = tenantId, NodeId = id, ParentId = parent, Kind = kind, Code = id.ToString("N")[..12], Name = kind.ToString(), Path = parentPath + id + "/",
        };

        await fixture.Bus.Publish(Added(fromStreet, null, "/", TerritoryNodeKind.Street), Cancellation);
        await fixture.Bus.Publish(Added(toStreet, null, "/", TerritoryNodeKind.Street), Cancellation);
        await fixture.Bus.Publish(Added(community, fromStreet, $"/{fromStreet}/", TerritoryNodeKind.Community), Cancellation);
        await fixture.Bus.Publish(Added(building, community, $"/{fromStreet}/{community}/", TerritoryNodeKind.Building), Cancellation);
        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == building, Cancellation), ResidentsFixture.Demo);

        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var resident = await (await admin.PostAsJsonAsync("/api/residents", new { name = "搬迁户", idNumber = TestPeople.IdNumber(), nodeId = building, household = "101" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var demand = await (await admin.PostAsJsonAsync("/api/demands", new { title = "路灯不亮", category = "市政设施", channel = "patrol", nodeId = building }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var residentId = resident.GetProperty("id").GetGuid();
        var householdId = resident.GetProperty("householdId").GetGuid();
        var demandId = demand.GetProperty("id").GetGuid();

        await fixture.Bus.Publish(new TerritoryNodeMovedIntegrationEvent
        {
            TenantId = tenantId, NodeId = community, ParentId = toStreet, OldPath = $"/{fromStreet}/{community}/", NewPath = $"/{toStreet}/{community}/",
        }, Cancellation);
        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == building && n.Path.StartsWith($"/{toStreet}/"), Cancellation), ResidentsFixture.Demo);

        var newStreetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, toStreet);
        var oldStreetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, fromStreet);
        await (await newStreetAdmin.GetAsync(new Uri($"/api/residents/{residentId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        await (await newStreetAdmin.GetAsync(new Uri($"/api/residents/households/{householdId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        await (await newStreetAdmin.GetAsync(new Uri($"/api/demands/{demandId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        await (await oldStreetAdmin.GetAsync(new Uri($"/api/residents/{residentId}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await oldStreetAdmin.GetAsync(new Uri($"/api/demands/{demandId}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "demand.not_found");

        await fixture.Bus.Publish(new TerritoryNodeRetiredIntegrationEvent { TenantId = tenantId, NodeId = building }, Cancellation);
        await fixture.WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == building && n.Retired, Cancellation), ResidentsFixture.Demo);
        var refused = await (await admin.PostAsJsonAsync("/api/residents", new { name = "新住户", idNumber = TestPeople.IdNumber(), nodeId = building }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("nodeId", out _));
    }
}
