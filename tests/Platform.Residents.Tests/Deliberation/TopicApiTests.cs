using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests.Deliberation;

public sealed class TopicApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object NewTopic(Guid nodeId, string category = "加装电梯") =>
        new { title = "加装电梯", description = "老楼没有电梯，老人上下楼困难。", category, nodeId };

    private static string UniqueCategory() => $"噪音{Guid.NewGuid():N}"[..20];

    private async Task<Guid> FileDemandAsync(HttpClient worker, Guid nodeId, string category) =>
        IdOf(await (await worker.PostAsJsonAsync("/api/demands", new { title = "夜间施工噪音", category, channel = "hotline", nodeId }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created));

    [Fact]
    public async Task Raise_ByResident_IsPublishedThroughTheOutbox_AndAnotherDistrictGets404()
    {
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        var topic = await RaiseAsync(resident, NewTopic(TestTerritory.CompoundA1));
        var id = IdOf(topic);
        Assert.Equal(("raised", "compound", "raised", 0, ResidentsFixture.TopicSupportThreshold),
            (topic.GetProperty("status").GetString(), topic.GetProperty("level").GetString(), topic.GetProperty("origin").GetString(),
             topic.GetProperty("supportCount").GetInt32(), topic.GetProperty("supportThreshold").GetInt32()));
        Assert.Equal(["classify"], topic.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("raisedBy", topic.GetRawText(), StringComparison.Ordinal);

        var raised = await fixture.RecordedAsync<TopicRaisedIntegrationEvent>(e => e.TopicId == id);
        Assert.Equal((ResidentsFixture.Demo.Id, TestTerritory.CompoundA1, "compound", "raised"), (raised.TenantId, raised.NodeId, raised.Level, raised.Origin));
        Assert.Empty(raised.LinkedDemandIds);

        var otherWorker = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        var otherResident = await fixture.MemberClientAsync(PlatformRoleNames.Resident, tenant: ResidentsFixture.Other);
        await (await otherWorker.GetAsync(new Uri($"{Topics}/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "topic.not_found");
        await RefusedAsync(otherWorker, id, "classify", HttpStatusCode.NotFound, "topic.not_found", new { kind = "self_governance", scale = "shared" });
        await RefusedAsync(otherResident, id, "support", HttpStatusCode.NotFound, "topic.not_found");
        var otherList = await (await otherWorker.GetAsync(new Uri(Topics, UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(id, otherList.GetProperty("items").EnumerateArray().Select(IdOf));
        // A topic in another district's tree cannot be raised from this one either.
        var foreignNode = await (await resident.PostAsJsonAsync(Topics, NewTopic(TestTerritory.OtherBuilding), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(foreignNode.GetProperty("errors").TryGetProperty("nodeId", out _), foreignNode.ToString());
    }

    [Fact]
    public async Task Raise_FromHotspot_LinksEveryDemandOfTheClassInTheWorkersScope()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var category = UniqueCategory();
        var members = new List<Guid>();
        foreach (var node in new[] { TestTerritory.BuildingA1, TestTerritory.BuildingA1b, TestTerritory.UnitA1 })
        {
            members.Add(await FileDemandAsync(worker, node, category));
        }

        await FileDemandAsync(worker, TestTerritory.BuildingA1, UniqueCategory());
        var hotspot = new { gridId = TestTerritory.GridA1, category };

        var streetB = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        var outside = await (await streetB.PostAsJsonAsync(Topics, new { title = "夜间噪音", category, nodeId = TestTerritory.StreetB, fromHotspot = hotspot }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("fromHotspot", out _), outside.ToString());

        var topic = await RaiseAsync(worker, new { title = "夜间施工噪音扰民", category, nodeId = TestTerritory.CompoundA1, fromHotspot = hotspot });

        Assert.Equal("hotspot", topic.GetProperty("origin").GetString());
        Assert.Equal(members.Order(), topic.GetProperty("linkedDemandIds").EnumerateArray().Select(d => d.GetGuid()).Order());
        var raised = await fixture.RecordedAsync<TopicRaisedIntegrationEvent>(e => e.TopicId == IdOf(topic));
        Assert.Equal(members.Order(), raised.LinkedDemandIds.Order());
    }

    [Fact]
    public async Task Raise_FromDemands_OnlyByWorkers_AndOnlyInsideTheirScope()
    {
        var districtAdmin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var inA = await FileDemandAsync(districtAdmin, TestTerritory.BuildingA1, UniqueCategory());
        // The west street keeps no demands but its own metrics test's; the other community of the east street is outside the worker's scope too.
        var outside = await FileDemandAsync(districtAdmin, TestTerritory.BuildingA2, UniqueCategory());
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);

        var refused = await (await worker.PostAsJsonAsync(Topics, new { title = "t", category = "c", nodeId = TestTerritory.CommunityA1, fromDemandIds = new[] { inA, outside } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(outside.ToString(), refused.GetProperty("errors").GetProperty("fromDemandIds")[0].GetString(), StringComparison.Ordinal);

        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await (await resident.PostAsJsonAsync(Topics, new { title = "t", category = "c", nodeId = TestTerritory.CommunityA1, fromDemandIds = new[] { inA } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "topic.action_forbidden");

        var topic = await RaiseAsync(worker, new { title = "t", category = "c", nodeId = TestTerritory.CommunityA1, fromDemandIds = new[] { inA, inA } });
        Assert.Equal(("demands", "community"), (topic.GetProperty("origin").GetString(), topic.GetProperty("level").GetString()));
        Assert.Equal([inA], topic.GetProperty("linkedDemandIds").EnumerateArray().Select(d => d.GetGuid()));
    }

    [Fact]
    public async Task Classify_MajorMatter_HandsItToTheStreetAsADemandOfChannelDeliberation()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        var id = IdOf(await RaiseAsync(worker, NewTopic(TestTerritory.CommunityA2, "道路改造")));

        var classified = await ActAsync(worker, id, "classify", new { kind = "assisting_government", scale = "major" });

        Assert.Equal(("referred", "assisting_government", "major"),
            (classified.GetProperty("status").GetString(), classified.GetProperty("kind").GetString(), classified.GetProperty("scale").GetString()));
        var demandId = classified.GetProperty("referredDemandId").GetGuid();
        var demand = await (await worker.GetAsync(new Uri($"/api/demands/{demandId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(("deliberation", "received", "道路改造", TestTerritory.CommunityA2),
            (demand.GetProperty("channel").GetString(), demand.GetProperty("status").GetString(), demand.GetProperty("category").GetString(), demand.GetProperty("nodeId").GetGuid()));
        var received = await fixture.RecordedAsync<DemandReceivedIntegrationEvent>(e => e.DemandId == demandId);
        Assert.Equal("deliberation", received.Channel);
        await RefusedAsync(worker, id, "classify", HttpStatusCode.Conflict, "topic.invalid_transition", new { kind = "self_governance", scale = "shared" });
    }

    [Fact]
    public async Task Support_ReachingTheThreshold_PutsTheTopicOnTheAgenda_OncePerResident()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = IdOf(await RaiseAsync(worker, NewTopic(TestTerritory.BuildingA1)));
        var first = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await RefusedAsync(first, id, "support", HttpStatusCode.Conflict, "topic.invalid_transition");
        Assert.Equal(["support"], (await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "shared" }))
            .GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(1, (await ActAsync(first, id, "support")).GetProperty("supportCount").GetInt32());
        await RefusedAsync(first, id, "support", HttpStatusCode.Conflict, "topic.already_supported");
        await RefusedAsync(worker, id, "support", HttpStatusCode.Forbidden, "topic.action_forbidden");
        await RefusedAsync(first, id, "classify", HttpStatusCode.Forbidden, "topic.action_forbidden", new { kind = "self_governance", scale = "shared" });
        for (var i = 2; i < ResidentsFixture.TopicSupportThreshold; i++)
        {
            Assert.Equal("collecting", (await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support")).GetProperty("status").GetString());
        }

        var last = await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support");

        Assert.Equal(("on_agenda", ResidentsFixture.TopicSupportThreshold), (last.GetProperty("status").GetString(), last.GetProperty("supportCount").GetInt32()));
        Assert.Equal("support", last.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        await RefusedAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support", HttpStatusCode.Conflict, "topic.invalid_transition");
        var onAgenda = await (await worker.GetAsync(new Uri($"{Topics}?status=on_agenda&node={TestTerritory.BuildingA1}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Contains(id, onAgenda.GetProperty("items").EnumerateArray().Select(IdOf));
    }

    [Fact]
    public async Task Topics_BadInput_AnswerStableProblems_AndChangeNothing()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { title = "", category = "c", nodeId = TestTerritory.BuildingA1 }, "title"),
            (new { title = "t", category = "", nodeId = TestTerritory.BuildingA1 }, "category"),
            (new { title = "t", category = "c" }, "nodeId"),
            (new { title = "t", category = "c", nodeId = TestTerritory.GridA1 }, "nodeId"),
            (new { title = "t", category = "c", nodeId = TestTerritory.BuildingB1 }, "nodeId"),
            (new { title = "t", category = "c", nodeId = TestTerritory.BuildingA1, fromDemandIds = Array.Empty<Guid>() }, "fromDemandIds"),
            (new { title = "t", category = "c", nodeId = TestTerritory.BuildingA1, fromHotspot = new { category = "c" } }, "fromHotspot"),
        })
        {
            var problem = await (await worker.PostAsJsonAsync(Topics, body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var id = IdOf(await RaiseAsync(worker, NewTopic(TestTerritory.BuildingA1)));
        await RefusedAsync(worker, id, "vote", HttpStatusCode.NotFound, "topic.unknown_action");
        var missing = await RefusedAsync(worker, id, "classify", HttpStatusCode.BadRequest, "validation_failed", new { kind = "self_governance" });
        Assert.True(missing.GetProperty("errors").TryGetProperty("scale", out _), missing.ToString());
        var unknownScale = await RefusedAsync(worker, id, "classify", HttpStatusCode.BadRequest, "validation_failed", new { kind = "self_governance", scale = "huge" });
        Assert.True(unknownScale.GetProperty("errors").TryGetProperty("scale", out _), unknownScale.ToString());
        var noReason = await RefusedAsync(worker, id, "classify", HttpStatusCode.BadRequest, "topic.reason_required", new { kind = "self_governance", scale = "private" });
        Assert.Equal("raised", noReason.GetProperty("topicStatus").GetString());
        await RefusedAsync(worker, Guid.NewGuid(), "classify", HttpStatusCode.NotFound, "topic.not_found", new { kind = "self_governance", scale = "shared" });

        var unchanged = await (await worker.GetAsync(new Uri($"{Topics}/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("raised", unchanged.GetProperty("status").GetString());

        var dismissed = await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "private", reason = "住户自家事务" });
        Assert.Equal(("dismissed", "住户自家事务"), (dismissed.GetProperty("status").GetString(), dismissed.GetProperty("dismissalReason").GetString()));
    }

    [Fact]
    public async Task Topics_OutsideAWorkersScope_Answer404()
    {
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        var id = IdOf(await RaiseAsync(resident, NewTopic(TestTerritory.BuildingA2)));
        var streetB = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);

        await (await streetB.GetAsync(new Uri($"{Topics}/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "topic.not_found");
        await RefusedAsync(streetB, id, "classify", HttpStatusCode.NotFound, "topic.not_found", new { kind = "self_governance", scale = "shared" });
        var list = await (await streetB.GetAsync(new Uri(Topics, UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(id, list.GetProperty("items").EnumerateArray().Select(IdOf));
        // Residents see every topic of their district: they are public matters to support.
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await (await neighbour.GetAsync(new Uri($"{Topics}/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
    }
}
