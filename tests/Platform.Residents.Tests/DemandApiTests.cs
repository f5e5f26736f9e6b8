using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Property.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests;

public sealed class DemandApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object NewDemand(Guid nodeId, string category = "环境卫生", string channel = "app", string priority = "normal") =>
        new { title = "楼道堆物", description = "3单元楼道堆放杂物，影响通行", category, channel, nodeId, priority };

    private static async Task<JsonElement> FileAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/demands", body, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        await (await client.PostAsJsonAsync($"/api/demands/{id}/{action}", body ?? new { }, Cancellation)).AssertOkAsync();

    private static async Task<JsonElement> RefusedAsync(HttpClient client, Guid id, string action, HttpStatusCode status, string code, object? body = null) =>
        await (await client.PostAsJsonAsync($"/api/demands/{id}/{action}", body ?? new { }, Cancellation)).AssertProblemAsync(status, code);

    [Fact]
    public async Task Residents_FileTheirOwn_SeeOnlyTheirs_AndAnyoneTracksThePublicStatus()
    {
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        var filed = await FileAsync(resident, NewDemand(TestTerritory.BuildingA1));
        var id = filed.GetProperty("id").GetGuid();
        var trackingNumber = filed.GetProperty("trackingNumber").GetString()!;
        Assert.Equal("received", filed.GetProperty("status").GetString());
        Assert.Equal(TestTerritory.GridA1, filed.GetProperty("gridId").GetGuid());
        Assert.Equal(["classify"], filed.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var received = await fixture.RecordedAsync<DemandReceivedIntegrationEvent>(e => e.DemandId == id);
        Assert.Equal((trackingNumber, "app", TestTerritory.BuildingA1), (received.TrackingNumber, received.Channel, received.NodeId));

        var mine = await (await resident.GetAsync(new Uri("/api/demands", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await (await neighbour.GetAsync(new Uri($"/api/demands/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "demand.not_found");
        await RefusedAsync(resident, id, "classify", HttpStatusCode.Forbidden, "demand.action_forbidden", new { category = "噪音" });

        using var anonymous = fixture.Service.Factory.CreateClient();
        var tracked = await (await anonymous.GetAsync(new Uri($"/t/{ResidentsFixture.Demo.Identifier}/api/demands/track/{trackingNumber}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("received", tracked.GetProperty("status").GetString());
        var text = tracked.GetRawText();
        Assert.DoesNotContain("楼道堆物", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), text, StringComparison.Ordinal);
        await (await anonymous.GetAsync(new Uri($"/t/{ResidentsFixture.Other.Identifier}/api/demands/track/{trackingNumber}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "demand.not_found");
    }

    [Fact]
    public async Task Filing_RefusesBadInput_AndPlacesOutsideTheWorkersScope()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        foreach (var (body, field) in new (object, string)[]
        {
            (new { title = "", category = "噪音", channel = "app", nodeId = TestTerritory.BuildingA1 }, "title"),
            (new { title = "t", category = "", channel = "app", nodeId = TestTerritory.BuildingA1 }, "category"),
            (new { title = "t", category = "噪音", nodeId = TestTerritory.BuildingA1 }, "channel"),
            (new { title = "t", category = "噪音", channel = "app" }, "nodeId"),
            (new { title = "t", category = "噪音", channel = "app", nodeId = TestTerritory.BuildingB1 }, "nodeId"),
            (new { title = "t", category = "噪音", channel = "app", nodeId = TestTerritory.BuildingA1, residentId = Guid.NewGuid() }, "residentId"),
        })
        {
            var problem = await (await worker.PostAsJsonAsync("/api/demands", body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        // An unknown wire name is a field error like any other shape error (issue 19: binding failures name their field).
        var unknownChannel = await (await worker.PostAsJsonAsync("/api/demands", new { title = "t", category = "噪音", channel = "fax", nodeId = TestTerritory.BuildingA1 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(unknownChannel.GetProperty("errors").TryGetProperty("channel", out _), unknownChannel.ToString());
    }

    [Fact]
    public async Task Workflow_WithWhistle_RefusesIllegalSteps_UntilEveryDepartmentChecksIn_ReopensWhenDissatisfied()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        var id = (await FileAsync(worker, NewDemand(TestTerritory.UnitA1, channel: "hotline"))).GetProperty("id").GetGuid();

        var refused = await RefusedAsync(worker, id, "resolve", HttpStatusCode.Conflict, "demand.invalid_transition");
        Assert.Equal(["classify"], refused.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await (await worker.PostAsJsonAsync($"/api/demands/{id}/explode", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "demand.unknown_action");
        await RefusedAsync(worker, id, "classify", HttpStatusCode.BadRequest, "validation_failed");

        await ActAsync(worker, id, "classify", new { category = "市容环境", nodeId = TestTerritory.BuildingA1 });
        await RefusedAsync(worker, id, "assign", HttpStatusCode.BadRequest, "validation_failed", new { assigneeType = "community", assigneeId = "not-a-node" });
        await ActAsync(worker, id, "assign", new { assigneeType = "department", assigneeId = "城管" });
        Assert.Equal("城管", (await fixture.RecordedAsync<DemandAssignedIntegrationEvent>(e => e.DemandId == id)).AssigneeId);
        await ActAsync(worker, id, "respond", new { note = "已联系居民" });
        var whistled = await ActAsync(worker, id, "whistle", new { departments = new[] { "城管", "公安" } });
        Assert.Equal("whistled", whistled.GetProperty("status").GetString());
        Assert.Equal(["公安", "城管"], (await fixture.RecordedAsync<DemandWhistleBlownIntegrationEvent>(e => e.DemandId == id)).Departments.Order());

        await ActAsync(worker, id, "start");
        var blocked = await RefusedAsync(worker, id, "resolve", HttpStatusCode.Conflict, "demand.departments_not_checked_in");
        Assert.DoesNotContain("resolve", blocked.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await RefusedAsync(worker, id, "checkin", HttpStatusCode.Conflict, "demand.department_not_summoned", new { department = "消防" });
        var checkedIn = await ActAsync(worker, id, "checkin", new { department = "城管" });
        Assert.NotEqual(JsonValueKind.Null, checkedIn.GetProperty("summons").EnumerateArray().Single(s => s.GetProperty("department").GetString() == "城管").GetProperty("checkedInAt").ValueKind);
        await RefusedAsync(worker, id, "checkin", HttpStatusCode.Conflict, "demand.department_already_checked_in", new { department = "城管" });
        await RefusedAsync(worker, id, "resolve", HttpStatusCode.Conflict, "demand.departments_not_checked_in");
        await ActAsync(worker, id, "checkin", new { department = "公安" });
        await ActAsync(worker, id, "resolve", new { note = "杂物已清理", attachments = new[] { "files/after.jpg" } });
        Assert.Equal("resolved", (await fixture.RecordedAsync<DemandResolvedIntegrationEvent>(e => e.DemandId == id)).Outcome);

        await RefusedAsync(worker, id, "close", HttpStatusCode.Conflict, "demand.callback_required");
        await RefusedAsync(worker, id, "callback", HttpStatusCode.BadRequest, "demand.invalid_score", new { satisfaction = "dissatisfied", score = 9 });
        await ActAsync(worker, id, "callback", new { satisfaction = "dissatisfied", score = 2 });
        var reopened = await ActAsync(worker, id, "reopen", new { note = "居民反映仍有堆物" });
        Assert.Equal(("reopened", 1), (reopened.GetProperty("status").GetString(), reopened.GetProperty("reopenCount").GetInt32()));

        await ActAsync(worker, id, "assign", new { assigneeType = "community", assigneeId = TestTerritory.CommunityA1.ToString() });
        await ActAsync(worker, id, "respond");
        await ActAsync(worker, id, "start");
        await ActAsync(worker, id, "resolve");
        await ActAsync(worker, id, "callback", new { satisfaction = "satisfied", score = 5 });
        var closed = await ActAsync(worker, id, "close");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Empty(closed.GetProperty("allowedActions").EnumerateArray());
        var closedEvent = await fixture.RecordedAsync<DemandClosedIntegrationEvent>(e => e.DemandId == id);
        Assert.Equal(("satisfied", 5), (closedEvent.Satisfaction, closedEvent.Score));

        var history = closed.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => h.GetProperty("sequence").GetInt32()));
        Assert.Equal(
            ["file", "classify", "assign", "respond", "whistle", "start", "checkin", "checkin", "resolve", "callback", "reopen", "assign", "respond", "start", "resolve", "callback", "close"],
            history.Select(h => h.GetProperty("action").GetString()));
        var resolve = history.First(h => h.GetProperty("action").GetString() == "resolve");
        Assert.Equal("杂物已清理", resolve.GetProperty("note").GetString());
        Assert.Equal(["files/after.jpg"], resolve.GetProperty("attachments").EnumerateArray().Select(a => a.GetString()));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("actorId").GetString())));
        await RefusedAsync(worker, id, "reopen", HttpStatusCode.Conflict, "demand.invalid_transition");
    }

    [Fact]
    public async Task AssigningToThePropertyCompany_CreatesAWorkOrder_WhoseUpdatesMoveTheDemand()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = (await FileAsync(worker, NewDemand(TestTerritory.CompoundA1, category: "物业服务"))).GetProperty("id").GetGuid();
        await ActAsync(worker, id, "classify", new { category = "物业服务" });
        await ActAsync(worker, id, "assign", new { assigneeType = "property_company", assigneeId = "pc-42" });

        var workOrder = await fixture.RecordedAsync<DemandAssignedToPropertyCompanyIntegrationEvent>(e => e.DemandId == id);
        Assert.Equal(("pc-42", TestTerritory.CompoundA1, "物业服务"), (workOrder.CompanyId, workOrder.NodeId, workOrder.Category));

        async Task<string> StatusAfterAsync(string update)
        {
            await fixture.Bus.Publish(new PropertyWorkOrderStatusChangedIntegrationEvent
            {
                TenantId = ResidentsFixture.Demo.Id, DemandId = id, CompanyId = "pc-42", Status = update, Note = update,
            }, Cancellation);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                var demand = await (await worker.GetAsync(new Uri($"/api/demands/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
                var applied = demand.GetProperty("history").EnumerateArray()
                    .Any(h => h.GetProperty("action").GetString() == "work_order" && h.GetProperty("note").GetString() == update);
                if (applied)
                {
                    return demand.GetProperty("status").GetString()!;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The work order update '{update}' was not applied within 30 s.");

                await Task.Delay(50, Cancellation);
            }
        }

        Assert.Equal("responded", await StatusAfterAsync("accepted"));
        Assert.Equal("in_progress", await StatusAfterAsync("started"));
        Assert.Equal("resolved", await StatusAfterAsync("completed"));
        Assert.Equal("resolved", (await fixture.RecordedAsync<DemandResolvedIntegrationEvent>(e => e.DemandId == id)).Outcome);
    }

    [Fact]
    public async Task ScopeAndTenantIsolation_HoldOnEveryDemandEndpoint()
    {
        var streetA = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        var id = (await FileAsync(streetA, NewDemand(TestTerritory.BuildingA2))).GetProperty("id").GetGuid();

        var communityB = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        var communityA1 = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        foreach (var outsider in new[] { communityB, otherDistrict, communityA1 })
        {
            await (await outsider.GetAsync(new Uri($"/api/demands/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "demand.not_found");
            await RefusedAsync(outsider, id, "classify", HttpStatusCode.NotFound, "demand.not_found", new { category = "噪音" });
            var list = await (await outsider.GetAsync(new Uri("/api/demands?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
            Assert.DoesNotContain(id, list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        }

        await (await otherDistrict.PostAsJsonAsync("/api/demands", NewDemand(TestTerritory.BuildingA2), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var all = await (await admin.GetAsync(new Uri($"/api/demands?node={TestTerritory.CommunityA2}&status=received&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Contains(id, all.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        await (await admin.GetAsync(new Uri("/api/demands?status=lost", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task DemandsPastTheirDeadline_AreFlaggedAndListedAsOverdue()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        var late = (await FileAsync(worker, NewDemand(TestTerritory.BuildingA2, category: ResidentsFixture.FastCategory))).GetProperty("id").GetGuid();
        var onTime = (await FileAsync(worker, NewDemand(TestTerritory.BuildingA2))).GetProperty("id").GetGuid();

        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);

        var demand = await (await worker.GetAsync(new Uri($"/api/demands/{late}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.True(demand.GetProperty("overdue").GetProperty("resolution").GetBoolean());
        Assert.False(demand.GetProperty("overdue").GetProperty("response").GetBoolean());
        var overdue = await (await worker.GetAsync(new Uri("/api/demands?overdue=true&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        var ids = overdue.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(late, ids);
        Assert.DoesNotContain(onTime, ids);
    }
}
