using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;
using Platform.SocialOrgs.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>The registry over HTTP against real PostgreSQL, with events through the outbox to real RabbitMQ.</summary>
public sealed class RegistryApiTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static object NewOrganisation(
        Guid homeNodeId, string? name = null, string kind = "mutual_aid", int memberCount = 12, int partyMemberCount = 1, string? phone = null, Guid? serviceArea = null) => new
    {
        name = name ?? $"互助会{Guid.NewGuid():N}"[..12],
        kind,
        homeNodeId,
        serviceAreaIds = new[] { serviceArea ?? TestTerritory.GridA1 },
        categories = new[] { "elderly", "mutual_aid" },
        memberCount,
        partyMemberCount,
        contacts = new[] { new { name = "李梅", role = "负责人", phone = phone ?? TestCodes.Phone() } },
    };

    internal static async Task<JsonElement> EnterAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/socialorgs/organisations", body, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Enter_AnswersMaskedContacts_StoresNoClearPhone_AndPublishesThroughTheOutbox()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var phone = TestCodes.Phone("8000");

        var created = await EnterAsync(worker, NewOrganisation(TestTerritory.CommunityA1, "幸福邻里互助会", phone: phone));

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("unregistered", created.GetProperty("status").GetString());
        Assert.Equal(["elderly", "mutual_aid"], created.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var contact = Assert.Single(created.GetProperty("contacts").EnumerateArray());
        Assert.Equal($"{phone[..3]}****8000", contact.GetProperty("phone").GetString());
        Assert.Equal("joint_branch_or_instructor", created.GetProperty("partyCoverage").GetProperty("required").GetString());
        Assert.False(created.GetProperty("partyCoverage").GetProperty("covered").GetBoolean());

        await using (var connection = new NpgsqlConnection(fixture.Service.ConnectionString))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = new NpgsqlCommand("SELECT row_to_json(c)::text FROM organisation_contacts c WHERE \"OrganisationId\" = @id", connection);
            command.Parameters.AddWithValue("id", id);
            var row = (string)(await command.ExecuteScalarAsync(Cancellation))!;
            Assert.Contains("李梅", row, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, row, StringComparison.Ordinal);
        }

        var entered = await fixture.RecordedAsync<SocialOrganisationStatusChangedIntegrationEvent>(e => e.OrganisationId == id);
        Assert.Equal(SocialOrgsFixture.Demo.Id, entered.TenantId);
        Assert.Equal("unregistered", entered.Status);
        Assert.DoesNotContain(phone, JsonSerializer.Serialize(entered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enter_WithBadInput_AnswersTheFieldAtFault_AndStoresNothing()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var name = $"坏{Guid.NewGuid():N}"[..8];
        var cases = new (object Body, string Code, string Field)[]
        {
            (new { name = " ", kind = "interest", homeNodeId = TestTerritory.CommunityA1 }, "validation_failed", "name"),
            (new { name, homeNodeId = TestTerritory.CommunityA1 }, "validation_failed", "kind"),
            (new { name, kind = "interest" }, "validation_failed", "homeNodeId"),
            (new { name, kind = "interest", homeNodeId = TestTerritory.CommunityA1, memberCount = 2, partyMemberCount = 3 }, "validation_failed", "partyMemberCount"),
            (new { name, kind = "interest", homeNodeId = TestTerritory.CommunityA1, contacts = new[] { new { name = "李梅", role = "负责人", phone = "12345" } } }, "validation_failed", "contacts"),
            (new { name, kind = "interest", homeNodeId = TestTerritory.GridA1 }, "validation_failed", "homeNodeId"),
            (new { name, kind = "interest", homeNodeId = Guid.NewGuid() }, "validation_failed", "homeNodeId"),
            (new { name, kind = "interest", homeNodeId = TestTerritory.CommunityA1, serviceAreaIds = new[] { Guid.NewGuid() } }, "validation_failed", "serviceAreaIds"),
        };
        foreach (var (body, code, field) in cases)
        {
            var problem = await (await admin.PostAsJsonAsync("/api/socialorgs/organisations", body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var unknownKind = await admin.PostAsJsonAsync("/api/socialorgs/organisations", new { name, kind = "company", homeNodeId = TestTerritory.CommunityA1 }, Cancellation);
        await unknownKind.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var list = await (await admin.GetAsync(new Uri($"/api/socialorgs/organisations?q={name}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Enter_WithShapeAndTerritoryProblems_AnswersThemAllInOneProblem()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);

        var problem = await (await worker.PostAsJsonAsync(
                "/api/socialorgs/organisations",
                new { name = " ", kind = "interest", homeNodeId = TestTerritory.CommunityA2, serviceAreaIds = new[] { TestTerritory.GridA1, Guid.NewGuid() }, memberCount = 1, partyMemberCount = 2 },
                Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["homeNodeId", "name", "partyMemberCount", "serviceAreaIds"],
            errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        Assert.Contains("in your area", errors.GetProperty("homeNodeId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithAServiceAreaTheDistrictDoesNotHave_AnswersTheFieldAndChangesNothing()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = (await EnterAsync(worker, NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();

        var problem = await (await worker.PatchJsonAsync($"/api/socialorgs/organisations/{id}", new { name = "改名", serviceAreaIds = new[] { Guid.NewGuid() } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("serviceAreaIds", out _));
        var unchanged = await (await worker.GetAsync(new Uri($"/api/socialorgs/organisations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.NotEqual("改名", unchanged.GetProperty("name").GetString());
        Assert.Equal([TestTerritory.GridA1], unchanged.GetProperty("serviceAreaIds").EnumerateArray().Select(a => a.GetGuid()));
    }

    [Fact]
    public async Task Lifecycle_FileThenRegister_ValidatesTheCreditCodeAndRefusesStepsOutOfOrder()
    {
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        var id = (await EnterAsync(streetAdmin, NewOrganisation(TestTerritory.CommunityA2))).GetProperty("id").GetGuid();
        var code = TestCodes.CreditCode('5', '1');
        var register = $"/api/socialorgs/organisations/{id}/register";

        await (await streetAdmin.PostAsJsonAsync(register, new { creditCode = code, legalForm = "social_group" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.invalid_status_transition");
        var filed = await (await streetAdmin.PostAsync(new Uri($"/api/socialorgs/organisations/{id}/file", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        Assert.Equal("filed", filed.GetProperty("status").GetString());
        await (await streetAdmin.PostAsync(new Uri($"/api/socialorgs/organisations/{id}/file", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.invalid_status_transition");

        var mistyped = code[..17] + (code[17] == '0' ? '1' : '0');
        var badCheck = await (await streetAdmin.PostAsJsonAsync(register, new { creditCode = mistyped, legalForm = "social_group" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badCheck.GetProperty("errors").TryGetProperty("creditCode", out _));
        await (await streetAdmin.PostAsJsonAsync(register, new { creditCode = TestCodes.CreditCode('9', '1'), legalForm = "social_group" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "socialorgs.credit_code_not_for_legal_form");

        var registered = await (await streetAdmin.PostAsJsonAsync(register, new { creditCode = code.ToLowerInvariant(), legalForm = "social_group" }, Cancellation)).AssertOkAsync();
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        Assert.Equal(code, registered.GetProperty("creditCode").GetString());
        Assert.Equal("social_group", registered.GetProperty("legalForm").GetString());
        await fixture.RecordedAsync<SocialOrganisationStatusChangedIntegrationEvent>(e => e.OrganisationId == id && e.Status == "registered" && e.CreditCode == code);

        var second = (await EnterAsync(streetAdmin, NewOrganisation(TestTerritory.CommunityA2))).GetProperty("id").GetGuid();
        await (await streetAdmin.PostAsync(new Uri($"/api/socialorgs/organisations/{second}/file", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        await (await streetAdmin.PostAsJsonAsync($"/api/socialorgs/organisations/{second}/register", new { creditCode = code, legalForm = "social_group" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.credit_code_taken");
        var unchanged = await (await streetAdmin.GetAsync(new Uri($"/api/socialorgs/organisations/{second}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal("filed", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SocialOrgUser_ActsOnlyForTheOrganisationsTheyAreAMemberOf()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var own = (await EnterAsync(worker, NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        var foreign = (await EnterAsync(worker, NewOrganisation(TestTerritory.CommunityA1))).GetProperty("id").GetGuid();
        var (userId, token) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        var member = fixture.Client(token);

        await (await member.GetAsync(new Uri($"/api/socialorgs/organisations/{own}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        var added = await (await worker.PostAsJsonAsync($"/api/socialorgs/organisations/{own}/members", new { userId }, Cancellation)).AssertOkAsync();
        Assert.Equal([userId], added.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        await (await worker.PostAsJsonAsync($"/api/socialorgs/organisations/{own}/members", new { userId }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.already_member");

        var list = await (await member.GetAsync(new Uri("/api/socialorgs/organisations", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal([own], list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        var updated = await (await member.PatchJsonAsync($"/api/socialorgs/organisations/{own}", new { memberCount = 30, partyMemberCount = 4 })).AssertOkAsync();
        Assert.Equal("own_branch", updated.GetProperty("partyCoverage").GetProperty("required").GetString());
        await (await member.PutAsJsonAsync($"/api/socialorgs/organisations/{own}/party-coverage", new { arrangement = "own_branch", contact = "互助会党支部" }, Cancellation)).AssertOkAsync();

        await (await member.GetAsync(new Uri($"/api/socialorgs/organisations/{foreign}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        await (await member.PatchJsonAsync($"/api/socialorgs/organisations/{foreign}", new { name = "改名" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        await (await member.PutAsJsonAsync($"/api/socialorgs/organisations/{foreign}/party-coverage", new { arrangement = "instructor", contact = "王老师" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        // Filing, registration and who acts for an organisation are the officials' to record.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync(new Uri($"/api/socialorgs/organisations/{own}/file", UriKind.Relative), null, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/socialorgs/organisations/{own}/members", new { userId = "someone" }, Cancellation)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync(new Uri($"/api/socialorgs/organisations/{own}/members/{userId}", UriKind.Relative), Cancellation)).StatusCode);
        await (await member.GetAsync(new Uri($"/api/socialorgs/organisations/{own}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
    }

    [Fact]
    public async Task Scope_CommunityWorkersKeepTheirCommunity_StreetAdminsTheirStreet()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var prefix = $"域{Guid.NewGuid():N}"[..6];
        var inA1 = (await EnterAsync(admin, NewOrganisation(TestTerritory.CommunityA1, prefix + "1"))).GetProperty("id").GetGuid();
        var inStreetA = (await EnterAsync(admin, NewOrganisation(TestTerritory.StreetA, prefix + "2"))).GetProperty("id").GetGuid();
        var inB1 = (await EnterAsync(admin, NewOrganisation(TestTerritory.CommunityB1, prefix + "3"))).GetProperty("id").GetGuid();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);

        Assert.Equal([inA1], await IdsAsync(worker, prefix));
        Assert.Equal([inA1, inStreetA], await IdsAsync(streetAdmin, prefix));
        Assert.Equal([inA1, inStreetA, inB1], await IdsAsync(admin, prefix));
        await (await worker.GetAsync(new Uri($"/api/socialorgs/organisations/{inStreetA}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        await (await streetAdmin.PostAsync(new Uri($"/api/socialorgs/organisations/{inB1}/file", UriKind.Relative), null, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        var outside = await (await worker.PostAsJsonAsync("/api/socialorgs/organisations", NewOrganisation(TestTerritory.CommunityA2), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("homeNodeId", out _));
        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(new Uri("/api/socialorgs/organisations", UriKind.Relative), Cancellation)).StatusCode);
    }

    [Fact]
    public async Task PartyCoverage_GapsListEveryOrganisationWithoutAFittingArrangement_WithWhatItNeeds()
    {
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        var prefix = $"党{Guid.NewGuid():N}"[..6];
        var fewWithout = (await EnterAsync(streetAdmin, NewOrganisation(TestTerritory.CommunityB1, prefix + "a", partyMemberCount: 1))).GetProperty("id").GetGuid();
        var manyWithout = (await EnterAsync(streetAdmin, NewOrganisation(TestTerritory.CommunityB1, prefix + "b", partyMemberCount: 5))).GetProperty("id").GetGuid();
        var covered = (await EnterAsync(streetAdmin, NewOrganisation(TestTerritory.CommunityB1, prefix + "c", partyMemberCount: 2))).GetProperty("id").GetGuid();
        await (await streetAdmin.PutAsJsonAsync($"/api/socialorgs/organisations/{covered}/party-coverage", new { arrangement = "joint_branch", contact = "西街道社会组织联合党支部" }, Cancellation))
            .AssertOkAsync();
        await (await streetAdmin.PutAsJsonAsync($"/api/socialorgs/organisations/{manyWithout}/party-coverage", new { arrangement = "instructor", contact = "王老师" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.own_branch_required");
        await (await streetAdmin.PutAsJsonAsync($"/api/socialorgs/organisations/{fewWithout}/party-coverage", new { arrangement = "own_branch", contact = "支部" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "socialorgs.own_branch_needs_three_party_members");
        await (await streetAdmin.PutAsJsonAsync($"/api/socialorgs/organisations/{fewWithout}/party-coverage", new { arrangement = "instructor" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var gaps = await (await streetAdmin.GetAsync(new Uri("/api/socialorgs/party-coverage/gaps?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();

        var mine = gaps.GetProperty("items").EnumerateArray().Where(g => g.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([fewWithout, manyWithout], mine.Select(g => g.GetProperty("id").GetGuid()));
        Assert.Equal(["joint_branch_or_instructor", "own_branch"], mine.Select(g => g.GetProperty("required").GetString()));
    }

    [Fact]
    public async Task Metrics_CountPerStatusKindStageAndUrbanCommunity_ListingEachCommunitysShortfall()
    {
        var tree = new Platform.Testing.Services.TerritoryTreeEvents(SocialOrgsFixture.Demo);
        var (street, full, short_, village) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        tree.Add(street, null, Platform.Districts.Contracts.TerritoryNodeKind.Street, "指标街道")
            .Add(full, street, Platform.Districts.Contracts.TerritoryNodeKind.Community, "达标社区")
            .Add(short_, street, Platform.Districts.Contracts.TerritoryNodeKind.Community, "缺口社区")
            .Add(village, street, Platform.Districts.Contracts.TerritoryNodeKind.Village, "指标村");
        await fixture.PublishTreeAsync(tree, Cancellation);
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        for (var i = 0; i < 10; i++)
        {
            await EnterAsync(streetAdmin, NewOrganisation(full, kind: i < 4 ? "interest" : "public_welfare"));
        }

        var filed = (await EnterAsync(streetAdmin, NewOrganisation(short_))).GetProperty("id").GetGuid();
        await (await streetAdmin.PostAsync(new Uri($"/api/socialorgs/organisations/{filed}/file", UriKind.Relative), null, Cancellation)).AssertOkAsync();
        await EnterAsync(streetAdmin, NewOrganisation(village));
        await EnterAsync(streetAdmin, NewOrganisation(street));
        var incubation = await (await streetAdmin.PostAsJsonAsync("/api/socialorgs/incubations", new { organisationId = filed }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        await (await streetAdmin.PostAsJsonAsync($"/api/socialorgs/incubations/{incubation.GetProperty("id").GetGuid()}/review", new { accept = true }, Cancellation)).AssertOkAsync();

        var metrics = await (await streetAdmin.GetAsync(new Uri("/api/socialorgs/metrics", UriKind.Relative), Cancellation)).AssertOkAsync();

        Assert.Equal(13, metrics.GetProperty("total").GetInt32());
        Assert.Equal(10, metrics.GetProperty("targetPerCommunity").GetInt32());
        Assert.Equal([("unregistered", 12), ("filed", 1), ("registered", 0)], Counts(metrics.GetProperty("byStatus"), "status"));
        Assert.Equal([("interest", 4), ("mutual_aid", 3), ("public_welfare", 6), ("professional_service", 0)], Counts(metrics.GetProperty("byKind"), "kind"));
        Assert.Equal([("seed", 1), ("sprout", 0), ("sapling", 0), ("tree", 0)], Counts(metrics.GetProperty("byStage"), "stage"));
        Assert.Equal(
            [("缺口社区", 1, 9), ("达标社区", 10, 0)],
            metrics.GetProperty("communities").EnumerateArray()
                .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("count").GetInt32(), c.GetProperty("shortfall").GetInt32())));
        var social = await fixture.MemberClientAsync(PlatformRoleNames.SocialOrganisation);
        Assert.Equal(HttpStatusCode.Forbidden, (await social.GetAsync(new Uri("/api/socialorgs/metrics", UriKind.Relative), Cancellation)).StatusCode);
    }

    private static IEnumerable<(string?, int)> Counts(JsonElement list, string key) =>
        list.EnumerateArray().Select(item => (item.GetProperty(key).GetString(), item.GetProperty("count").GetInt32()));

    private static async Task<IReadOnlyList<Guid>> IdsAsync(HttpClient client, string prefix)
    {
        var page = await (await client.GetAsync(new Uri($"/api/socialorgs/organisations?q={prefix}&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid())];
    }
}
