using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Residents.Tests;

public sealed class ResidentApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/residents", body, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    private static object Person(Guid nodeId, string? idNumber = null, string name = "张三", string? phone = null, string? household = null, string[]? tags = null) =>
        new { name, idNumber = idNumber ?? TestPeople.IdNumber(), phone = phone ?? TestPeople.Phone(), nodeId, household, tags = tags ?? [] };

    [Fact]
    public async Task Create_AnswersMaskedValues_StoresNoClearIdNumberOrPhone_AndPublishesHashesOnly()
    {
        var client = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var idNumber = TestPeople.IdNumber(new DateOnly(1950, 3, 7));
        var phone = TestPeople.Phone("4321");

        var created = await CreateAsync(client, Person(TestTerritory.UnitA1, idNumber, "王秀英", phone, tags: ["living-alone"]));

        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{idNumber[..3]}***********{idNumber[^4..]}", created.GetProperty("idNumber").GetString());
        Assert.Equal($"{phone[..3]}****4321", created.GetProperty("phone").GetString());
        Assert.Equal(["elderly", "living-alone"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.False(created.GetProperty("revealed").GetBoolean());

        await using (var connection = new NpgsqlConnection(fixture.Service.ConnectionString))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = new NpgsqlCommand("SELECT row_to_json(r)::text FROM residents r WHERE \"Id\" = @id", connection);
            command.Parameters.AddWithValue("id", id);
            var row = (string)(await command.ExecuteScalarAsync(Cancellation))!;
            Assert.Contains("王秀英", row, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber, row, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber[6..14], row, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, row, StringComparison.Ordinal);
        }

        var registered = await fixture.RecordedAsync<ResidentRegisteredIntegrationEvent>(e => e.ResidentId == id);
        Assert.Equal(TestTerritory.UnitA1, registered.NodeId);
        Assert.Equal(ResidentsFixture.Demo.Id, registered.TenantId);
        var serialized = JsonSerializer.Serialize(registered);
        Assert.DoesNotContain(idNumber, serialized, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, serialized, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", serialized, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RefusesBadInput_WithTheFieldAtFault_AndStoresNothing()
    {
        var client = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var valid = TestPeople.IdNumber();
        var badCheck = valid[..17] + (valid[17] == '1' ? '2' : '1');

        var problems = new (object Body, string Field)[]
        {
            (Person(TestTerritory.BuildingA1, badCheck), "idNumber"),
            (Person(TestTerritory.BuildingA1, "110105198602301234"), "idNumber"),
            (Person(TestTerritory.BuildingA1, phone: "12345"), "phone"),
            (Person(TestTerritory.BuildingA1, tags: ["rich"]), "tags"),
            (Person(TestTerritory.BuildingA1, name: " "), "name"),
            (Person(TestTerritory.CommunityA1), "nodeId"),
            (Person(Guid.NewGuid()), "nodeId"),
            (Person(TestTerritory.BuildingA1, household: new string('1', 30)), "household"),
        };
        foreach (var (body, field) in problems)
        {
            var problem = await (await client.PostAsJsonAsync("/api/residents", body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var search = await (await client.GetAsync(new Uri($"/api/residents?q={badCheck}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Empty(search.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_RefusesAnIdNumberAlreadyRegisteredInTheDistrict_ButAnotherDistrictMayRegisterIt()
    {
        var client = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var idNumber = TestPeople.IdNumber();
        await CreateAsync(client, Person(TestTerritory.BuildingA1, idNumber));

        await (await client.PostAsJsonAsync("/api/residents", Person(TestTerritory.BuildingB1, idNumber.ToLowerInvariant()), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "resident.id_number_taken");

        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await CreateAsync(other, Person(TestTerritory.OtherBuilding, idNumber));
    }

    [Fact]
    public async Task Reveal_NeedsAnAllowedRoleAndAReason_AndIsRecordedForDistrictAdmins()
    {
        var (workerId, workerToken) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var worker = fixture.Client(workerToken);
        var idNumber = TestPeople.IdNumber();
        var phone = TestPeople.Phone();
        var id = (await CreateAsync(worker, Person(TestTerritory.BuildingA1, idNumber, phone: phone))).GetProperty("id").GetGuid();

        await (await worker.GetAsync(new Uri($"/api/residents/{id}?reveal=true", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var gridWorker = await fixture.MemberClientAsync(PlatformRoleNames.GridWorker, TestTerritory.CommunityA1);
        await (await gridWorker.GetAsync(new Uri($"/api/residents/{id}?reveal=true&reason=visit", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.reveal_forbidden");

        var masked = await (await gridWorker.GetAsync(new Uri($"/api/residents/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.NotEqual(idNumber, masked.GetProperty("idNumber").GetString());

        var revealed = await (await worker.GetAsync(new Uri($"/api/residents/{id}?reveal=true&reason=低保复核", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());
        Assert.Equal(phone, revealed.GetProperty("phone").GetString());
        Assert.True(revealed.GetProperty("revealed").GetBoolean());

        await (await worker.GetAsync(new Uri($"/api/residents/audit?residentId={id}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var audit = await (await admin.GetAsync(new Uri($"/api/residents/audit?residentId={id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(workerId, entry.GetProperty("userId").GetString());
        Assert.Equal("低保复核", entry.GetProperty("reason").GetString());
        Assert.Equal("idNumber,phone", entry.GetProperty("fields").GetString());
    }

    [Fact]
    public async Task Scope_CommunityWorkersSeeTheirCommunity_StreetAdminsTheirStreet()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var surname = $"测{Guid.NewGuid():N}"[..6];
        var inA1 = (await CreateAsync(admin, Person(TestTerritory.BuildingA1, name: surname + "1"))).GetProperty("id").GetGuid();
        var inA2 = (await CreateAsync(admin, Person(TestTerritory.BuildingA2, name: surname + "2"))).GetProperty("id").GetGuid();
        var inB1 = (await CreateAsync(admin, Person(TestTerritory.BuildingB1, name: surname + "3"))).GetProperty("id").GetGuid();

        var communityWorker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var streetAdmin = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        Assert.Equal([inA1], await NamesAsync(communityWorker, surname));
        Assert.Equal([inA1, inA2], await NamesAsync(streetAdmin, surname));
        Assert.Equal([inA1, inA2, inB1], await NamesAsync(admin, surname));

        await (await communityWorker.GetAsync(new Uri($"/api/residents/{inA2}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await streetAdmin.PostAsJsonAsync($"/api/residents/{inB1}/tags", new { add = new[] { "disabled" } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await communityWorker.PostAsJsonAsync($"/api/residents/{inA1}/move", new { nodeId = TestTerritory.BuildingA2 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var outside = await (await communityWorker.PostAsJsonAsync("/api/residents", Person(TestTerritory.BuildingB1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("nodeId", out _));
        await (await communityWorker.GetAsync(new Uri($"/api/residents?node={TestTerritory.StreetB}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var resident = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(new Uri("/api/residents", UriKind.Relative), Cancellation)).StatusCode);
    }

    [Fact]
    public async Task TenantIsolation_AnotherDistrictNeitherSeesNorChangesTheDemoDistrictsResidents()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var name = $"隔{Guid.NewGuid():N}"[..6];
        var created = await CreateAsync(admin, Person(TestTerritory.BuildingA1, name: name, household: "101"));
        var id = created.GetProperty("id").GetGuid();
        var householdId = created.GetProperty("householdId").GetGuid();

        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        Assert.Empty(await NamesAsync(other, name));
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => other.GetAsync(new Uri($"/api/residents/{id}?reveal=true&reason=x", UriKind.Relative), Cancellation),
            () => other.PatchJsonAsync($"/api/residents/{id}", new { name = "改名" }),
            () => other.PostAsJsonAsync($"/api/residents/{id}/tags", new { add = new[] { "disabled" } }, Cancellation),
            () => other.PostAsJsonAsync($"/api/residents/{id}/move", new { nodeId = TestTerritory.OtherBuilding }, Cancellation),
        })
        {
            await (await request()).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        }

        await (await other.GetAsync(new Uri($"/api/residents/households/{householdId}", UriKind.Relative), Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "household.not_found");
        await (await other.PostAsJsonAsync("/api/residents", Person(TestTerritory.BuildingA1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var audit = await (await other.GetAsync(new Uri($"/api/residents/audit?residentId={id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, audit.GetProperty("total").GetInt32());

        var unchanged = await (await admin.GetAsync(new Uri($"/api/residents/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(name, unchanged.GetProperty("name").GetString());
        Assert.Empty(unchanged.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Search_ByNamePrefixPhoneTailExactIdNumberExactPhoneAndTag_PagesByKey()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var prefix = $"搜{Guid.NewGuid():N}"[..7];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(admin, Person(TestTerritory.BuildingA1b, name: $"{prefix}{i}", tags: i % 2 == 0 ? ["disabled"] : []))).GetProperty("id").GetGuid());
        }

        var idNumber = TestPeople.IdNumber();
        var tail = Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var phone = TestPeople.Phone(tail);
        var exact = (await CreateAsync(admin, Person(TestTerritory.BuildingA1b, idNumber, name: prefix + "z", phone: phone))).GetProperty("id").GetGuid();

        // Keyset pages of two, in name order, until the cursor runs out.
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync(new Uri($"/api/residents?q={prefix}&pageSize=2" + (cursor is null ? "" : $"&cursor={cursor}"), UriKind.Relative), Cancellation)).AssertOkAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal([.. ids, exact], seen);

        Assert.Equal([exact], await IdsAsync(admin, $"q={idNumber}"));
        Assert.Contains(exact, await IdsAsync(admin, $"q={tail}&node={TestTerritory.BuildingA1b}"));
        Assert.Equal([exact], await IdsAsync(admin, $"q={phone}"));
        Assert.Equal([ids[0], ids[2], ids[4]], await IdsAsync(admin, $"q={prefix}&tag=disabled"));
        await (await admin.GetAsync(new Uri("/api/residents?cursor=nonsense", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync(new Uri("/api/residents?tag=rich", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.GetAsync(new Uri("/api/residents?pageSize=1000", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Households_GroupResidents_AndMoveWhole_WithAnEventPerMember()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var number = $"{Random.Shared.Next(100, 999)}";
        var first = await CreateAsync(worker, Person(TestTerritory.UnitA1, household: number));
        var householdId = first.GetProperty("householdId").GetGuid();
        var second = await CreateAsync(worker, Person(householdId));
        Assert.Equal(householdId, second.GetProperty("householdId").GetGuid());
        Assert.Equal(TestTerritory.UnitA1, second.GetProperty("nodeId").GetGuid());

        var household = await (await worker.GetAsync(new Uri($"/api/residents/households/{householdId}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(number, household.GetProperty("number").GetString());
        Assert.Equal(2, household.GetProperty("members").GetArrayLength());

        var moved = await (await worker.PostAsJsonAsync($"/api/residents/households/{householdId}/move", new { nodeId = TestTerritory.BuildingA1b, household = "202" }, Cancellation)).AssertOkAsync();
        Assert.Equal(TestTerritory.BuildingA1b, moved.GetProperty("nodeId").GetGuid());
        Assert.Equal("202", moved.GetProperty("number").GetString());
        foreach (var member in new[] { first, second })
        {
            var id = member.GetProperty("id").GetGuid();
            var again = await (await worker.GetAsync(new Uri($"/api/residents/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
            Assert.Equal(TestTerritory.BuildingA1b, again.GetProperty("nodeId").GetGuid());
            var movedEvent = await fixture.RecordedAsync<ResidentMovedIntegrationEvent>(e => e.ResidentId == id);
            Assert.Equal(TestTerritory.UnitA1, movedEvent.FromNodeId);
            Assert.Equal(householdId, movedEvent.HouseholdId);
        }

        // The door at the old unit is free again; taking the new one twice is refused.
        var other = await CreateAsync(worker, Person(TestTerritory.BuildingA1b, household: "203"));
        await (await worker.PostAsJsonAsync($"/api/residents/households/{other.GetProperty("householdId").GetGuid()}/move", new { nodeId = TestTerritory.BuildingA1b, household = "202" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "household.number_taken");
    }

    [Fact]
    public async Task UpdateMoveAndTags_ChangeTheRecord_AndPublishEvents()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var id = (await CreateAsync(worker, Person(TestTerritory.BuildingA1))).GetProperty("id").GetGuid();

        var updated = await (await worker.PatchJsonAsync($"/api/residents/{id}", new { name = "李四", phone = "", residence = "resident_only", partyMember = true })).AssertOkAsync();
        Assert.True(updated.GetProperty("partyMember").GetBoolean());
        Assert.False(updated.GetProperty("owner").GetBoolean());
        Assert.Contains(id, await IdsAsync(worker, "q=李四&partyMember=true"));
        Assert.DoesNotContain(id, await IdsAsync(worker, "q=李四&partyMember=false"));
        Assert.Equal("李四", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("phone").ValueKind);
        Assert.Equal("resident_only", updated.GetProperty("residence").GetString());
        // An unknown wire name is a field error like any other shape error (issue 19: binding failures name their field).
        var unknownResidence = await (await worker.PatchJsonAsync($"/api/residents/{id}", new { residence = "tourist" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(unknownResidence.GetProperty("errors").TryGetProperty("residence", out _), unknownResidence.ToString());

        var tagged = await (await worker.PostAsJsonAsync($"/api/residents/{id}/tags", new { add = new[] { "low-income", "disabled" }, remove = Array.Empty<string>() }, Cancellation)).AssertOkAsync();
        Assert.Equal(["disabled", "low-income"], tagged.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var tagsChanged = await fixture.RecordedAsync<ResidentTagsChangedIntegrationEvent>(e => e.ResidentId == id);
        Assert.Equal(["disabled", "low-income"], tagsChanged.Tags);

        await (await worker.PostAsJsonAsync($"/api/residents/{id}/move", new { nodeId = TestTerritory.UnitA1 }, Cancellation)).AssertOkAsync();
        var moved = await fixture.RecordedAsync<ResidentMovedIntegrationEvent>(e => e.ResidentId == id);
        Assert.Equal((TestTerritory.BuildingA1, TestTerritory.UnitA1), (moved.FromNodeId, moved.ToNodeId));
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync(new Uri($"/api/residents?{query}&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    private static Task<List<Guid>> NamesAsync(HttpClient client, string prefix) => IdsAsync(client, $"q={prefix}");
}
