using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Residents.Contracts;
using Platform.Residents.Tests.Notices;
using Platform.Testing;
using Platform.Testing.Services;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>
/// The whole loop on a fresh street of its own (so the electorate is exactly the residents registered here): a topic
/// made from a demand, supported onto the agenda, voted on by households, adopted, carried out, completed (telling the
/// demand) and rated.
/// </summary>
public sealed class TopicDecisionApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<(Guid Street, Guid Compound, Guid Building)> FreshStreetAsync()
    {
        var (street, community, compound, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var tree = new TerritoryTreeEvents(ResidentsFixture.Demo)
            .Add(street, null, TerritoryNodeKind.Street, "议事街道")
            .Add(community, street, TerritoryNodeKind.Community, "议事社区")
            .Add(compound, community, TerritoryNodeKind.Compound, "议事小区")
            .Add(building, compound, TerritoryNodeKind.Building, "1号楼");
        await fixture.PublishTreeAsync(tree, Cancellation);
        return (street, compound, building);
    }

    [Fact]
    public async Task Topic_FromDecisionToRatedResult_CountsOneVotePerHousehold_AndTellsTheDemandsWhenDone()
    {
        var (street, compound, building) = await FreshStreetAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        var adult = new DateOnly(1970, 5, 1);
        var (husband, wife, neighbour) = (await TestResidents.RegisterAsync(worker, building, "101", adult), await TestResidents.RegisterAsync(worker, building, "101", adult), await TestResidents.RegisterAsync(worker, building, "102", adult));
        var child = await TestResidents.RegisterAsync(worker, building, "102", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10));
        var outsider = await TestResidents.RegisterAsync(await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin), TestTerritory.BuildingA2, "301", adult);
        var demand = IdOf(await (await worker.PostAsJsonAsync("/api/demands", new { title = "楼道灯不亮", category = "公共设施", channel = "patrol", nodeId = building }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created));

        var id = IdOf(await (await worker.PostAsJsonAsync(Topics, new { title = "楼道照明改造", category = "公共设施", nodeId = compound, fromDemandIds = new[] { demand } }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created));
        await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "shared" });
        for (var i = 0; i < ResidentsFixture.TopicSupportThreshold; i++)
        {
            await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support");
        }

        var opened = await ActAsync(worker, id, "open", new { electorate = "households", rule = "simple_majority" });
        Assert.Equal(("voting", 2), (opened.GetProperty("status").GetString(), opened.GetProperty("vote").GetProperty("electorateSize").GetInt32()));

        await ActAsync(worker, id, "ballot", new { residentId = husband, choice = "yes", channel = "paper" });
        // The wife's household has voted on paper; her online ballot would count it twice.
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.Conflict, "topic.already_voted", new { residentId = wife, choice = "no", channel = "online" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "topic.not_in_electorate", new { residentId = child, choice = "no", channel = "paper" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "topic.not_in_electorate", new { residentId = outsider, choice = "no", channel = "paper" });
        var missing = await RefusedAsync(worker, id, "ballot", HttpStatusCode.BadRequest, "validation_failed", new { residentId = neighbour, channel = "paper" });
        Assert.True(missing.GetProperty("errors").TryGetProperty("choice", out _), missing.ToString());
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await RefusedAsync(otherDistrict, id, "ballot", HttpStatusCode.NotFound, "topic.not_found", new { residentId = neighbour, choice = "no", channel = "paper" });
        await RefusedAsync(otherDistrict, id, "close", HttpStatusCode.NotFound, "topic.not_found");
        await ActAsync(worker, id, "ballot", new { residentId = neighbour, choice = "abstain", channel = "online" });

        // 1 yes of 2 cast (the abstention is cast and does not approve): 2·1 > 2 fails.
        var closed = await ActAsync(worker, id, "close");
        Assert.Equal(("rejected", 1, 0, 1, 2), (closed.GetProperty("status").GetString(), closed.GetProperty("vote").GetProperty("yes").GetInt32(),
            closed.GetProperty("vote").GetProperty("no").GetInt32(), closed.GetProperty("vote").GetProperty("abstain").GetInt32(), closed.GetProperty("vote").GetProperty("cast").GetInt32()));
        Assert.Empty(closed.GetProperty("allowedActions").EnumerateArray());
        Assert.DoesNotContain(fixture.Events.OfType<DecisionAdoptedIntegrationEvent>(), e => e.TopicId == id);
        // A failed vote is published too, with the same exact tally.
        var decision = await TestNotices.SingleAsync(fixture, id, "decision");
        Assert.Equal(
            "议题“楼道照明改造”表决未通过。同意1票，反对0票，弃权1票；有表决权2户，规则：同意票过投票数半数。",
            decision.GetProperty("body").GetString());
        Assert.Equal((compound, true), (decision.GetProperty("nodeId").GetGuid(), decision.GetProperty("running").GetBoolean()));
    }

    [Fact]
    public async Task Topic_Adopted_BecomesATask_WhoseCompletionReachesTheDemands_AndResidentsRateIt()
    {
        var (street, compound, building) = await FreshStreetAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        var voters = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            voters.Add(await TestResidents.RegisterAsync(worker, building, $"20{i}", new DateOnly(1980, 1, 1)));
        }

        var demands = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            demands.Add(IdOf(await (await worker.PostAsJsonAsync("/api/demands", new { title = "电梯老旧", category = "电梯", channel = "hotline", nodeId = building }, Cancellation))
                .AssertOkAsync(HttpStatusCode.Created)));
        }

        var id = IdOf(await (await worker.PostAsJsonAsync(Topics, new { title = "电梯更新", category = "电梯", nodeId = compound, fromDemandIds = demands }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created));
        await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "shared" });
        for (var i = 0; i < ResidentsFixture.TopicSupportThreshold; i++)
        {
            await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support");
        }

        await ActAsync(worker, id, "open", new { electorate = "residents", rule = "two_thirds" });
        await ActAsync(worker, id, "ballot", new { residentId = voters[0], choice = "yes", channel = "online" });
        await ActAsync(worker, id, "ballot", new { residentId = voters[1], choice = "yes", channel = "paper" });
        await ActAsync(worker, id, "ballot", new { residentId = voters[2], choice = "no", channel = "paper" });
        Assert.Equal("adopted", (await ActAsync(worker, id, "close")).GetProperty("status").GetString());
        var adopted = await fixture.RecordedAsync<DecisionAdoptedIntegrationEvent>(e => e.TopicId == id);
        Assert.Equal(("two_thirds", 2, 1, 0, 3), (adopted.Rule, adopted.Yes, adopted.No, adopted.Abstain, adopted.ElectorateSize));

        var noCriteria = await RefusedAsync(worker, id, "assign", HttpStatusCode.BadRequest, "validation_failed", new { assigneeType = "property_company", assigneeId = "pc-1" });
        Assert.True(noCriteria.GetProperty("errors").TryGetProperty("acceptanceCriteria", out _), noCriteria.ToString());
        var assigned = await ActAsync(worker, id, "assign", new { assigneeType = "property_company", assigneeId = "pc-1", acceptanceCriteria = "两部电梯更新并通过特检院验收", budget = 600000.00m, deadline = "2027-06-30" });
        Assert.Equal(("in_execution", "两部电梯更新并通过特检院验收"), (assigned.GetProperty("status").GetString(), assigned.GetProperty("task").GetProperty("acceptanceCriteria").GetString()));
        await ActAsync(worker, id, "progress", new { note = "旧梯已拆除", evidence = new[] { "photo-17.jpg" } });
        await ActAsync(worker, id, "inspect", new { note = "现场检查：施工围挡到位" });
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await RefusedAsync(resident, id, "rate", HttpStatusCode.Conflict, "topic.invalid_transition", new { score = 5 });

        var completed = await ActAsync(worker, id, "complete", new { note = "验收合格", evidence = new[] { "acceptance.pdf" } });

        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(["raise", "classify", "support", "open", "close", "assign", "progress", "inspect", "complete"],
            completed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var taskCompleted = await fixture.RecordedAsync<TaskCompletedIntegrationEvent>(e => e.TopicId == id);
        Assert.Equal(["task_completed", "decision"], (await TestNotices.AboutAsync(fixture, id)).Select(n => n.GetProperty("kind").GetString()));
        Assert.Contains("同意2票，反对1票，弃权0票；有表决权3人", (await TestNotices.SingleAsync(fixture, id, "decision")).GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("两部电梯更新并通过特检院验收", (await TestNotices.SingleAsync(fixture, id, "task_completed")).GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(demands.Order(), taskCompleted.LinkedDemandIds.Order());
        foreach (var demandId in demands)
        {
            var history = (await (await worker.GetAsync(new Uri($"/api/demands/{demandId}", UriKind.Relative), Cancellation)).AssertOkAsync()).GetProperty("history");
            var last = history.EnumerateArray().Last();
            Assert.Equal(("topic_completed", id.ToString()), (last.GetProperty("action").GetString(), last.GetProperty("details").GetString()));
        }

        await ActAsync(resident, id, "rate", new { score = 5 });
        await RefusedAsync(resident, id, "rate", HttpStatusCode.Conflict, "topic.already_rated", new { score = 1 });
        await RefusedAsync(resident, id, "rate", HttpStatusCode.BadRequest, "topic.invalid_score", new { score = 0 });
        var rated = await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "rate", new { score = 4 });
        Assert.Equal((2, 4.5m), (rated.GetProperty("rating").GetProperty("count").GetInt32(), rated.GetProperty("rating").GetProperty("average").GetDecimal()));
        await RefusedAsync(worker, id, "rate", HttpStatusCode.Forbidden, "topic.action_forbidden", new { score = 4 });
    }
}
