using System.Net;
using System.Text.Json;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.Testing;
using Platform.Testing.Services;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>The year-end review (年终评议) lists the year's decisions of an area with what became of them, and nobody else's.</summary>
public sealed class DecisionReviewApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ReviewAsync(HttpClient client, string query) =>
        await (await client.GetAsync(new Uri($"{Topics}/review?{query}", UriKind.Relative), Cancellation)).AssertOkAsync();

    [Fact]
    public async Task Review_OfTheYear_ListsEveryDecisionWithItsTaskAndRating_OnlyInsideTheCallersArea()
    {
        var (street, community, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishTreeAsync(
            new TerritoryTreeEvents(ResidentsFixture.Demo)
                .Add(street, null, TerritoryNodeKind.Street, "评议街道")
                .Add(community, street, TerritoryNodeKind.Community, "评议社区")
                .Add(building, community, TerritoryNodeKind.Building, "3号楼"),
            Cancellation);
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        var voter = await TestResidents.RegisterAsync(worker, building, "501");

        var rejected = await OnAgendaAsync(fixture, worker, community, "广场舞时间调整");
        await ActAsync(worker, rejected, "open", new { electorate = "residents", rule = "simple_majority" });
        await ActAsync(worker, rejected, "ballot", new { residentId = voter, choice = "no", channel = "paper" });
        await ActAsync(worker, rejected, "close");
        var late = await OnAgendaAsync(fixture, worker, community, "增设电动车充电桩");
        await ActAsync(worker, late, "open", new { electorate = "residents", rule = "simple_majority" });
        await ActAsync(worker, late, "ballot", new { residentId = voter, choice = "yes", channel = "paper" });
        await ActAsync(worker, late, "close");
        var yesterday = DistrictClock.Today(DateTimeOffset.UtcNow).AddDays(-1);
        await ActAsync(worker, late, "assign", new { assigneeType = "community", assigneeId = community.ToString(), acceptanceCriteria = "充电桩10个通电", deadline = yesterday });
        await ActAsync(worker, late, "inspect", new { note = "现场检查：桩位已定，尚未通电" });

        var year = DistrictClock.Today(DateTimeOffset.UtcNow).Year;
        var review = await ReviewAsync(worker, $"year={year}&node={street}");

        var summary = review.GetProperty("summary");
        Assert.Equal((2, 1, 0, 1, 0), (summary.GetProperty("decisions").GetInt32(), summary.GetProperty("adopted").GetInt32(), summary.GetProperty("completed").GetInt32(),
            summary.GetProperty("overdue").GetInt32(), summary.GetProperty("ratings").GetInt32()));
        var decisions = review.GetProperty("decisions").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([rejected, late], decisions.Select(d => d.GetProperty("topicId").GetGuid()));
        Assert.Equal((false, "rejected", false, 0), (decisions[0].GetProperty("adopted").GetBoolean(), decisions[0].GetProperty("status").GetString(),
            decisions[0].GetProperty("overdue").GetBoolean(), decisions[0].GetProperty("inspections").GetInt32()));
        Assert.Equal((true, "in_execution", true, 1, "充电桩10个通电"), (decisions[1].GetProperty("adopted").GetBoolean(), decisions[1].GetProperty("status").GetString(),
            decisions[1].GetProperty("overdue").GetBoolean(), decisions[1].GetProperty("inspections").GetInt32(),
            decisions[1].GetProperty("task").GetProperty("acceptanceCriteria").GetString()));
        Assert.Equal(0, decisions[0].GetProperty("vote").GetProperty("yes").GetInt32());
        Assert.Equal(0, (await ReviewAsync(worker, $"year={year - 1}&node={street}")).GetProperty("summary").GetProperty("decisions").GetInt32());

        // A worker of another community, and another district, see none of these decisions.
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        foreach (var outsider in new[] { neighbour, otherDistrict })
        {
            var theirs = await ReviewAsync(outsider, $"year={year}&node={street}");
            Assert.Equal((0, 0), (theirs.GetProperty("summary").GetProperty("decisions").GetInt32(), theirs.GetProperty("decisions").GetProperty("items").GetArrayLength()));
        }

        await (await worker.GetAsync(new Uri($"{Topics}/review", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
