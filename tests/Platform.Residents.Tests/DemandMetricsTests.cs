using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests;

/// <summary>
/// Metrics on a known data set: no other test files demands in the west street (StreetB), so its numbers are
/// exactly the four demands filed here.
/// </summary>
public sealed class DemandMetricsTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_RankingsAndHotSpots_CountAKnownDataSetByTheirDefinitions()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        async Task<Guid> FileAsync(string category)
        {
            var body = new { title = "噪音扰民", description = "夜间施工", category, channel = "hotline", nodeId = TestTerritory.BuildingB1 };
            return (await (await worker.PostAsJsonAsync("/api/demands", body, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        async Task StepsAsync(Guid id, params (string Action, object Body)[] steps)
        {
            foreach (var (action, body) in steps)
            {
                await (await worker.PostAsJsonAsync($"/api/demands/{id}/{action}", body, Cancellation)).AssertOkAsync();
            }
        }

        (string, object)[] Handled(string conclusion, object conclusionBody) =>
        [
            ("classify", new { category = "噪音" }), ("assign", new { assigneeType = "department", assigneeId = "城管" }), ("respond", new { }),
            ("start", new { }), (conclusion, conclusionBody),
        ];

        // Satisfied and closed; unresolvable and rated dissatisfied; resolved, rated dissatisfied and reopened; untouched and overdue.
        await StepsAsync(await FileAsync("噪音"), [.. Handled("resolve", new { }), ("callback", new { satisfaction = "satisfied", score = 5 }), ("close", new { })]);
        await StepsAsync(await FileAsync("噪音"), [.. Handled("unresolvable", new { reason = "不属于本辖区" }), ("callback", new { satisfaction = "dissatisfied", score = 1 })]);
        await StepsAsync(await FileAsync("噪音"), [.. Handled("resolve", new { }), ("callback", new { satisfaction = "dissatisfied", score = 2 }), ("reopen", new { })]);
        await FileAsync(ResidentsFixture.FastCategory);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);

        var metrics = await (await worker.GetAsync(new Uri($"/api/demands/metrics?node={TestTerritory.StreetB}", UriKind.Relative), Cancellation)).AssertOkAsync();
        // The import tests hang a retired building directly under the street; it has no demands.
        var community = metrics.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("nodeId").GetGuid() == TestTerritory.CommunityB1);
        Assert.Equal(4, metrics.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("volume").GetInt32()));
        Assert.Equal(4, community.GetProperty("volume").GetInt32());
        Assert.Equal(0.75, community.GetProperty("responseRate").GetDouble());
        Assert.Equal((1, 1, 1), (community.GetProperty("resolved").GetInt32(), community.GetProperty("unresolvable").GetInt32(), community.GetProperty("reopened").GetInt32()));
        Assert.Equal(0.3333, community.GetProperty("resolutionRate").GetDouble());
        Assert.Equal((2, 1), (community.GetProperty("callbacks").GetInt32(), community.GetProperty("satisfied").GetInt32()));
        Assert.Equal(0.5, community.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1, community.GetProperty("overdue").GetInt32());
        Assert.Equal(3, community.GetProperty("byCategory").GetProperty("噪音").GetInt32());
        Assert.Equal(1, community.GetProperty("byCategory").GetProperty(ResidentsFixture.FastCategory).GetInt32());

        // Outside the street admin's scope: refused; a window without demands: zero volume and no rates.
        await (await worker.GetAsync(new Uri($"/api/demands/metrics?node={TestTerritory.StreetA}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var empty = await (await worker.GetAsync(new Uri($"/api/demands/metrics?node={TestTerritory.StreetB}&from=2020-01-01T00:00:00%2B08:00&to=2020-02-01T00:00:00%2B08:00", UriKind.Relative), Cancellation)).AssertOkAsync();
        var none = empty.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("nodeId").GetGuid() == TestTerritory.CommunityB1);
        Assert.Equal((0, JsonValueKind.Null), (none.GetProperty("volume").GetInt32(), none.GetProperty("responseRate").ValueKind));

        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var daily = await (await admin.GetAsync(new Uri("/api/demands/rankings/daily", UriKind.Relative), Cancellation)).AssertOkAsync();
        var streets = daily.GetProperty("items").EnumerateArray().ToList();
        // Other tests add streets and demands of their own; the west street has this test's four.
        Assert.Contains(TestTerritory.StreetB, streets.Select(s => s.GetProperty("nodeId").GetGuid()));
        Assert.All(streets, s => Assert.True(s.GetProperty("volume").GetInt32() > 0));
        Assert.True(streets.Select(s => s.GetProperty("volume").GetInt32()).SequenceEqual(streets.Select(s => s.GetProperty("volume").GetInt32()).OrderDescending()));
        Assert.True(streets.Single(s => s.GetProperty("nodeId").GetGuid() == TestTerritory.StreetB).GetProperty("volume").GetInt32() >= 4);
        var monthly = await (await admin.GetAsync(new Uri("/api/demands/rankings/monthly", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Superset(new HashSet<Guid> { TestTerritory.StreetA, TestTerritory.StreetB }, monthly.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("nodeId").GetGuid()).ToHashSet());
        await (await admin.GetAsync(new Uri("/api/demands/rankings/monthly?month=November", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var departments = await (await worker.GetAsync(new Uri("/api/demands/metrics/departments", UriKind.Relative), Cancellation)).AssertOkAsync();
        var cityManagement = departments.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("department").GetString() == "城管");
        Assert.Equal((3, 3, 0.3333), (cityManagement.GetProperty("volume").GetInt32(), cityManagement.GetProperty("responded").GetInt32(), cityManagement.GetProperty("resolutionRate").GetDouble()));

        // Another district sees none of it.
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        var otherMetrics = await (await other.GetAsync(new Uri("/api/demands/metrics", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal([TestTerritory.OtherStreet], otherMetrics.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("nodeId").GetGuid()));
        Assert.Equal(0, otherMetrics.GetProperty("items")[0].GetProperty("volume").GetInt32());
        Assert.Empty((await (await other.GetAsync(new Uri("/api/demands/rankings/daily", UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await other.GetAsync(new Uri("/api/demands/hotspots?minCount=2", UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await other.GetAsync(new Uri("/api/demands/metrics/departments", UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("items").EnumerateArray());
        await (await other.GetAsync(new Uri($"/api/demands/metrics?node={TestTerritory.StreetB}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var hotSpots = await (await worker.GetAsync(new Uri("/api/demands/hotspots?minCount=3", UriKind.Relative), Cancellation)).AssertOkAsync();
        var hotSpot = Assert.Single(hotSpots.GetProperty("items").EnumerateArray());
        Assert.Equal((TestTerritory.GridB1, "噪音", 3), (hotSpot.GetProperty("gridId").GetGuid(), hotSpot.GetProperty("category").GetString(), hotSpot.GetProperty("count").GetInt32()));
    }
}
