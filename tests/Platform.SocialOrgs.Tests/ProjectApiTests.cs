using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Residents.Contracts;
using Platform.SocialOrgs.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>
/// Projects over HTTP against real PostgreSQL: activity reports, links showing the residents' needs as the residents
/// service's events (over real RabbitMQ) left them, calls for volunteers through the outbox, members and isolation.
/// </summary>
public sealed class ProjectApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> SendAsync(Task<HttpResponseMessage> request, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await request).AssertOkAsync(status);

    private sealed record Member(string UserId, HttpClient Client);

    /// <summary>An organisation of the demo district with a <c>social-org</c> member acting for it.</summary>
    private async Task<(Guid Organisation, Member Member)> OrganisationAsync(HttpClient admin)
    {
        var organisation = (await RegistryApiTests.EnterAsync(admin, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        var (userId, token) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        await SendAsync(admin.PostAsJsonAsync($"/api/socialorgs/organisations/{organisation}/members", new { userId }, Cancellation));
        return (organisation, new Member(userId, fixture.Client(token)));
    }

    private static object Plan(string title = "楼道微更新") => new
    {
        title,
        category = "mutual_aid",
        description = "老旧楼道的清理与美化",
        beneficiariesTargeted = 120,
        startsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30),
        endsOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(180),
        milestones = new[]
        {
            new { title = "完成 3 栋楼清理", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90) },
            new { title = "居民议事确定方案", dueOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) },
        },
    };

    private static async Task<Guid> StartAsync(HttpClient client, Guid organisation, string title = "楼道微更新") =>
        (await SendAsync(client.PostAsJsonAsync($"/api/socialorgs/organisations/{organisation}/projects", Plan(title), Cancellation), HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    private static object Report(int milestone = 1, int served = 30, string[]? evidence = null) => new
    {
        milestoneNumber = milestone,
        activity = "楼道议事会",
        heldOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
        place = "3 号楼一层",
        beneficiariesServed = served,
        evidence = evidence ?? ["files/sign-in.pdf", "https://example.org/photo/1"],
    };

    private static object Recruitment(Guid nodeId, DateTimeOffset startsAt, int volunteers = 8) => new
    {
        title = "楼道清理志愿者",
        work = "waste_sorting",
        nodeId,
        place = "3 号楼",
        startsAt,
        endsAt = startsAt.AddHours(3),
        volunteers,
    };

    [Fact]
    public async Task SelfRunProject_ItsMemberReportsAgainstMilestones_AndTheListIsPaged()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (organisation, member) = await OrganisationAsync(admin);

        var started = await SendAsync(member.Client.PostAsJsonAsync($"/api/socialorgs/organisations/{organisation}/projects", Plan(), Cancellation), HttpStatusCode.Created);
        var id = started.GetProperty("id").GetGuid();
        Assert.Equal(("self_run", member.UserId), (started.GetProperty("funding").GetString(), started.GetProperty("createdBy").GetString()));
        Assert.Equal(["居民议事确定方案", "完成 3 栋楼清理"], started.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("milestone").GetProperty("title").GetString()));

        var report = await SendAsync(member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/reports", Report(1, 30), Cancellation), HttpStatusCode.Created);
        Assert.Equal((1, member.UserId), (report.GetProperty("number").GetInt32(), report.GetProperty("reportedBy").GetString()));
        await SendAsync(member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/reports", Report(1, 12), Cancellation), HttpStatusCode.Created);
        await (await member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/reports", Report(3), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_activity_report");
        await (await member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/reports", Report(evidence: []), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var project = await SendAsync(member.Client.GetAsync(Path($"/api/socialorgs/projects/{id}"), Cancellation));
        Assert.Equal(42, project.GetProperty("beneficiariesServed").GetInt32());
        Assert.Equal([(2, 42), (0, 0)], project.GetProperty("milestones").EnumerateArray()
            .Select(m => (m.GetProperty("activities").GetInt32(), m.GetProperty("beneficiariesServed").GetInt32())));
        Assert.Equal(["files/sign-in.pdf", "https://example.org/photo/1"], project.GetProperty("reports")[0].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));

        var second = await StartAsync(member.Client, organisation, "四点半课堂");
        var first = await SendAsync(member.Client.GetAsync(Path("/api/socialorgs/projects?pageSize=1"), Cancellation));
        Assert.Equal((2, second), (first.GetProperty("total").GetInt32(), first.GetProperty("items")[0].GetProperty("id").GetGuid()));
        var next = await SendAsync(member.Client.GetAsync(Path("/api/socialorgs/projects?pageSize=1&page=2"), Cancellation));
        Assert.Equal((id, 2), (next.GetProperty("items")[0].GetProperty("id").GetGuid(), next.GetProperty("items")[0].GetProperty("activities").GetInt32()));
        var funded = await SendAsync(admin.GetAsync(Path($"/api/socialorgs/projects?organisationId={organisation}&funding=funded"), Cancellation));
        Assert.Equal(0, funded.GetProperty("total").GetInt32());
        await (await admin.GetAsync(Path("/api/socialorgs/projects?funding=granted"), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AnotherOrganisationsMember_AndAnotherDistrict_FindNoProject_OnAnyEndpoint_AndChangeNothing()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (organisation, member) = await OrganisationAsync(admin);
        var (_, stranger) = await OrganisationAsync(admin);
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);
        var id = await StartAsync(member.Client, organisation);
        var startsAt = DateTimeOffset.UtcNow.AddDays(1);

        foreach (var client in new[] { stranger.Client, other })
        {
            await (await client.GetAsync(Path($"/api/socialorgs/projects/{id}"), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.project_not_found");
            await (await client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/reports", Report(), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.project_not_found");
            await (await client.PutAsJsonAsync($"/api/socialorgs/projects/{id}/links", new { demandIds = new[] { Guid.NewGuid() } }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.project_not_found");
            await (await client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/volunteer-recruitments", Recruitment(TestTerritory.CommunityA1, startsAt), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.project_not_found");
            await (await client.PostAsJsonAsync($"/api/socialorgs/organisations/{organisation}/projects", Plan(), Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
            var listed = await SendAsync(client.GetAsync(Path("/api/socialorgs/projects?pageSize=100"), Cancellation));
            Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        }

        var unchanged = await SendAsync(member.Client.GetAsync(Path($"/api/socialorgs/projects/{id}"), Cancellation));
        Assert.Empty(unchanged.GetProperty("reports").EnumerateArray());
        Assert.Empty(unchanged.GetProperty("recruitments").EnumerateArray());
        Assert.Empty(unchanged.GetProperty("links").GetProperty("demands").EnumerateArray());
        Assert.DoesNotContain(fixture.Events.OfType<VolunteerRecruitmentRequestedIntegrationEvent>(), e => e.ProjectId == id);
    }

    [Fact]
    public async Task RecruitVolunteers_PublishesTheRequestThroughTheOutbox_AndRefusesAPastShiftOrAnUnknownNode()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (organisation, member) = await OrganisationAsync(admin);
        var id = await StartAsync(member.Client, organisation);
        var startsAt = DateTimeOffset.UtcNow.AddDays(2);

        var recruitment = await SendAsync(member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/volunteer-recruitments", Recruitment(TestTerritory.GridA1, startsAt), Cancellation),
            HttpStatusCode.Created);

        var recruitmentId = recruitment.GetProperty("id").GetGuid();
        var published = await fixture.RecordedAsync<VolunteerRecruitmentRequestedIntegrationEvent>(e => e.RecruitmentId == recruitmentId);
        Assert.Equal((SocialOrgsFixture.Demo.Id, id, organisation, member.UserId), (published.TenantId, published.ProjectId, published.OrganisationId, published.OrganiserUserId));
        Assert.Equal(("waste_sorting", TestTerritory.GridA1, 8, startsAt.AddHours(3)), (published.Category, published.NodeId, published.Volunteers, published.ShiftEndsAt));
        await (await member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/volunteer-recruitments", Recruitment(TestTerritory.CommunityA1, DateTimeOffset.UtcNow.AddHours(-1)), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_recruitment");
        await (await member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/volunteer-recruitments", Recruitment(TestTerritory.OtherCommunity, startsAt), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_recruitment");
        await (await member.Client.PostAsJsonAsync($"/api/socialorgs/projects/{id}/volunteer-recruitments", Recruitment(TestTerritory.CommunityA1, startsAt, volunteers: 0), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var project = await SendAsync(member.Client.GetAsync(Path($"/api/socialorgs/projects/{id}"), Cancellation));
        Assert.Equal([recruitmentId], project.GetProperty("recruitments").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Links_ShowWhereTheDemandsTopicsAndHotSpotsStand_FromTheResidentsEvents_InTheirOwnDistrictOnly()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var (organisation, member) = await OrganisationAsync(admin);
        var id = await StartAsync(member.Client, organisation);
        var (demand, unheard, neighbour, topic) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var category = $"环境{Guid.NewGuid():N}"[..10];
        var filed = DateTimeOffset.UtcNow.AddHours(-5);
        var demo = SocialOrgsFixture.Demo.Id;

        // Out of order, and the closing twice: the latest step wins and a redelivery changes nothing.
        var closed = new DemandClosedIntegrationEvent { TenantId = demo, OccurredAt = filed.AddHours(3), DemandId = demand, Satisfaction = "satisfied", Score = 5 };
        await fixture.Bus.Publish(closed, Cancellation);
        await fixture.Bus.Publish(new DemandResolvedIntegrationEvent { TenantId = demo, OccurredAt = filed.AddHours(2), DemandId = demand, Outcome = "resolved" }, Cancellation);
        await fixture.Bus.Publish(new DemandAssignedIntegrationEvent { TenantId = demo, OccurredAt = filed.AddHours(1), DemandId = demand, AssigneeType = "community", AssigneeId = "c" }, Cancellation);
        await fixture.Bus.Publish(closed, Cancellation);
        await fixture.Bus.Publish(Filed(demo, demand, category, filed), Cancellation);
        await fixture.Bus.Publish(Filed(demo, neighbour, category, filed.AddMinutes(5)), Cancellation);
        await fixture.Bus.Publish(new TopicRaisedIntegrationEvent
        {
            TenantId = demo, OccurredAt = filed, TopicId = topic, Title = "3 号楼楼道堆物", Category = "环境", NodeId = TestTerritory.GridA1, Level = "building", Origin = "demands",
            LinkedDemandIds = [demand],
        }, Cancellation);
        await fixture.Bus.Publish(new DecisionAdoptedIntegrationEvent
        {
            TenantId = demo, OccurredAt = filed.AddHours(1), TopicId = topic, Title = "3 号楼楼道堆物", NodeId = TestTerritory.GridA1, Rule = "simple_majority",
            Yes = 9, No = 1, Abstain = 0, ElectorateSize = 11,
        }, Cancellation);
        // The same demand id in the other district is the other district's affair.
        await fixture.Bus.Publish(new DemandAssignedIntegrationEvent
        {
            TenantId = SocialOrgsFixture.Other.Id, OccurredAt = filed.AddHours(9), DemandId = demand, AssigneeType = "community", AssigneeId = "c",
        }, Cancellation);

        var links = new { demandIds = new[] { demand, unheard }, topicIds = new[] { topic }, hotSpots = new[] { new { gridId = TestTerritory.GridA1, category } } };
        await (await member.Client.PutAsJsonAsync($"/api/socialorgs/projects/{id}/links",
                new { hotSpots = new[] { new { gridId = TestTerritory.CommunityA1, category } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_links");
        await SendAsync(member.Client.PutAsJsonAsync($"/api/socialorgs/projects/{id}/links", links, Cancellation));
        JsonElement shown = default;
        await Eventually.HoldsAsync(async () =>
        {
            shown = (await SendAsync(member.Client.GetAsync(Path($"/api/socialorgs/projects/{id}"), Cancellation))).GetProperty("links");
            return shown.GetProperty("demands")[0].GetProperty("trackingNumber").ValueKind == JsonValueKind.String
                && shown.GetProperty("demands")[0].GetProperty("status").GetString() == "closed"
                && shown.GetProperty("topics")[0].GetProperty("status").GetString() == "adopted"
                && shown.GetProperty("hotSpots")[0].GetProperty("demands").GetInt32() == 2;
        }, Cancellation);

        var demands = shown.GetProperty("demands");
        Assert.Equal(("closed", "satisfied", $"T-{demand:N}"[..12]),
            (demands[0].GetProperty("status").GetString(), demands[0].GetProperty("satisfaction").GetString(), demands[0].GetProperty("trackingNumber").GetString()));
        Assert.Equal((unheard, JsonValueKind.Null), (demands[1].GetProperty("demandId").GetGuid(), demands[1].GetProperty("status").ValueKind));
        Assert.Equal("3 号楼楼道堆物", shown.GetProperty("topics")[0].GetProperty("title").GetString());
        var spot = shown.GetProperty("hotSpots")[0];
        Assert.Equal(("东一网格", 2, 1), (spot.GetProperty("gridName").GetString(), spot.GetProperty("demands").GetInt32(), spot.GetProperty("open").GetInt32()));
    }

    private static DemandReceivedIntegrationEvent Filed(Guid tenantId, Guid demand, string category, DateTimeOffset at) => new()
    {
        TenantId = tenantId, OccurredAt = at, DemandId = demand, TrackingNumber = $"T-{demand:N}"[..12], Category = category, Channel = "app", NodeId = TestTerritory.GridA1,
    };

    [Fact]
    public async Task Proposal_LinksHotSpotsOfTheDistrictsGrids_AndRefusesANodeThatIsNoGrid()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var rubric = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/rubrics", FundingApiTests.PanelRubric, Cancellation), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var call = (await SendAsync(admin.PostAsJsonAsync("/api/socialorgs/calls", FundingApiTests.Call(rubric, now.AddMinutes(-1), now.AddHours(1)), Cancellation), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var (organisation, member) = await OrganisationAsync(admin);
        await SendAsync(admin.PostAsync(Path($"/api/socialorgs/organisations/{organisation}/file"), null, Cancellation));
        var write = $"/api/socialorgs/calls/{call}/proposals/{organisation}";

        await (await member.Client.PutAsJsonAsync(write, FundingApiTests.Proposal(hotSpots: [new { gridId = TestTerritory.CommunityA1, category = "环境卫生" }]), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.invalid_links");
        var drafted = await SendAsync(member.Client.PutAsJsonAsync(write, FundingApiTests.Proposal(hotSpots: [new { gridId = TestTerritory.GridA1, category = "环境卫生" }]), Cancellation),
            HttpStatusCode.Created);

        var spot = Assert.Single(drafted.GetProperty("hotSpots").EnumerateArray());
        Assert.Equal((TestTerritory.GridA1, "环境卫生"), (spot.GetProperty("gridId").GetGuid(), spot.GetProperty("category").GetString()));
    }
}
