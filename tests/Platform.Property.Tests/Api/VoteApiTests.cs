using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Property.Tests.Api.PropertyApi;

namespace Platform.Property.Tests.Api;

public sealed class VoteApiTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An area of three owners: A with 1-101 (building one) and 2-101 (building two), B with 1-102, C with 2-102.</summary>
    private async Task<(HttpClient Admin, Guid AreaId, TestCompound Compound, JsonElement[] Units)> AreaOfThreeOwnersAsync()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var a = TestHolders.IdNumber();
        JsonElement[] units =
        [
            await admin.AddUnitAsync(areaId, Unit("1-101", compound.Buildings[0], "100.00", true, Person(a))),
            await admin.AddUnitAsync(areaId, Unit("2-101", compound.Buildings[1], "50.25", true, Person(a))),
            await admin.AddUnitAsync(areaId, Unit("1-102", compound.Buildings[0], "80.00")),
            await admin.AddUnitAsync(areaId, Unit("2-102", compound.Buildings[1], "70.00")),
        ];
        return (admin, areaId, compound, units);
    }

    private async Task<(string UserId, HttpClient Client)> LinkedOwnerAsync(HttpClient admin, JsonElement unit)
    {
        var (userId, token) = await fixture.Identity.MemberAsync(PropertyFixture.Demo, PlatformRoleNames.Resident, null);
        var ownerId = unit.GetProperty("ownerId").GetGuid();
        (await admin.PostAsJsonAsync($"/api/property/owners/{ownerId}/link", new { userId }, Cancellation)).EnsureSuccessStatusCode();
        return (userId, fixture.Client(token));
    }

    [Fact]
    public async Task Ballots_OnlineAndOnPaper_MergeOnePerOwner_AndTheTallyCountsEveryUnitOfAVoter()
    {
        var (admin, areaId, compound, units) = await AreaOfThreeOwnersAsync();
        var (_, ownerA) = await LinkedOwnerAsync(admin, units[0]);
        var voteId = await admin.DraftVoteAsync(areaId);

        var draft = await admin.GetJsonAsync($"/api/property/votes/{voteId}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        await (await admin.BallotAsync(voteId, "1-102")).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_open");

        var opened = await admin.OpenVoteAsync(voteId);
        Assert.Equal("open", opened.GetProperty("status").GetString());
        // Opened before its opening time: the opening time moves to now.
        Assert.True(opened.GetProperty("opensAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.Equal("300.25", opened.GetProperty("totalArea").GetString());
        Assert.Equal(3, opened.GetProperty("totalOwners").GetInt32());

        // A votes online naming one unit; the ballot carries both.
        await (await ownerA.BallotAsync(voteId, "2-101", "online")).AssertOkAsync(HttpStatusCode.Created);
        // A's paper ballot (either unit), or a second online one, is the same owner's second ballot.
        await (await admin.BallotAsync(voteId, "1-101")).AssertProblemAsync(HttpStatusCode.Conflict, "property.already_voted");
        await (await ownerA.BallotAsync(voteId, "1-101", "online")).AssertProblemAsync(HttpStatusCode.Conflict, "property.already_voted");
        // B on paper, rejecting.
        await (await admin.BallotAsync(voteId, "1-102", choice: "reject")).AssertOkAsync(HttpStatusCode.Created);
        // A may not vote online for B, nor enter paper ballots.
        await (await ownerA.BallotAsync(voteId, "2-102", "online")).AssertProblemAsync(HttpStatusCode.Forbidden, "property.ballot_forbidden");
        await (await ownerA.BallotAsync(voteId, "2-102", "paper")).AssertProblemAsync(HttpStatusCode.Forbidden, "property.ballot_forbidden");

        var tally = await ownerA.TallyAsync(voteId);
        Assert.Equal("300.25", tally.GetProperty("totalArea").GetString());
        Assert.Equal(3, tally.GetProperty("totalOwners").GetInt32());
        Assert.Equal("230.25", tally.GetProperty("participatingArea").GetString());
        Assert.Equal(2, tally.GetProperty("participatingOwners").GetInt32());
        Assert.True(tally.GetProperty("quorumMet").GetBoolean());
        var matter = tally.GetProperty("matters")[0];
        Assert.Equal("majority", matter.GetProperty("rule").GetString());
        Assert.Equal(("150.25", 1, "80.00", 1), (matter.GetProperty("approveArea").GetString(), matter.GetProperty("approveOwners").GetInt32(),
            matter.GetProperty("rejectArea").GetString(), matter.GetProperty("rejectOwners").GetInt32()));
        // One of two participating owners is not more than half.
        Assert.False(matter.GetProperty("passed").GetBoolean());
        var byBuilding = tally.GetProperty("byBuilding").EnumerateArray().ToDictionary(b => b.GetProperty("nodeId").GetGuid());
        Assert.Equal((2, 2, "180.00"), Building(byBuilding[compound.Buildings[0]]));
        Assert.Equal((2, 1, "50.25"), Building(byBuilding[compound.Buildings[1]]));

        var closed = await (await admin.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).AssertOkAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(closed.GetProperty("closedBy").GetString()));
        await (await admin.BallotAsync(voteId, "2-102")).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_open");
        await (await admin.PostAsync($"/api/property/votes/{voteId}/open", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_draft");
        await (await admin.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_open");
    }

    private static (int, int, string?) Building(JsonElement building) =>
        (building.GetProperty("units").GetInt32(), building.GetProperty("participatingUnits").GetInt32(), building.GetProperty("participatingArea").GetString());

    [Fact]
    public async Task Open_FreezesTheRoll_UnitsAddedLaterNeitherMoveTheTotalsNorVote()
    {
        var (admin, areaId, compound, _) = await AreaOfThreeOwnersAsync();
        var voteId = await admin.DraftVoteAsync(areaId);
        await admin.OpenVoteAsync(voteId);

        await admin.AddUnitAsync(areaId, Unit("1-301", compound.Buildings[0], "500.00"));

        var tally = await admin.TallyAsync(voteId);
        Assert.Equal("300.25", tally.GetProperty("totalArea").GetString());
        Assert.Equal(3, tally.GetProperty("totalOwners").GetInt32());
        await (await admin.BallotAsync(voteId, "1-301")).AssertProblemAsync(HttpStatusCode.NotFound, "property.unit_not_found");
        var roll = await admin.GetJsonAsync($"/api/property/areas/{areaId}/roll");
        Assert.Equal(5, roll.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Ballot_WithIncompleteRecordOrChoices_Answers400_AndCountsNothing()
    {
        var (admin, areaId, _, _) = await AreaOfThreeOwnersAsync();
        var voteId = await admin.DraftVoteAsync(areaId, Matter("m1", "rebuild"), Matter("m2", "other_major"));
        await admin.OpenVoteAsync(voteId);
        var uri = $"/api/property/votes/{voteId}/ballots";
        var both = new Dictionary<string, string> { ["m1"] = "approve", ["m2"] = "abstain" };

        var cases = new (object Body, string Code, string Field)[]
        {
            (new { unitCode = "1-102", choices = both, channel = "paper", evidenceRef = (string?)null }, "validation_failed", "evidenceRef"),
            (new { unitCode = "1-102", choices = both, channel = "proxy", evidenceRef = "scan-9", proxyHolder = (string?)null }, "validation_failed", "proxyHolder"),
            (new { unitCode = "1-102", choices = both, channel = "proxy", evidenceRef = (string?)null, proxyHolder = "张三" }, "validation_failed", "evidenceRef"),
            (new { unitCode = "1-102", choices = new Dictionary<string, string> { ["m1"] = "approve" }, channel = "paper", evidenceRef = "scan-9" }, "property.ballot_choices", "choices"),
            (new { unitCode = "1-102", choices = new Dictionary<string, string>(both) { ["m3"] = "approve" }, channel = "paper", evidenceRef = "scan-9" }, "property.ballot_choices", "choices"),
            (new { unitCode = "1-102", choices = new Dictionary<string, string> { ["m1"] = "yes", ["m2"] = "approve" }, channel = "paper", evidenceRef = "scan-9" }, "validation_failed", "choices"),
            (new { unitCode = "1-102", choices = both, channel = "fax", evidenceRef = "scan-9" }, "validation_failed", "channel"),
        };
        foreach (var (body, code, field) in cases)
        {
            var problem = await (await admin.PostAsJsonAsync(uri, body, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
            Assert.True(problem.GetProperty("errors").EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)), $"{field}: {problem}");
        }

        await (await admin.PostAsJsonAsync(uri, new { unitCode = "9-999", choices = both, channel = "paper", evidenceRef = "scan-9" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.unit_not_found");
        Assert.Equal(0, (await admin.TallyAsync(voteId)).GetProperty("participatingOwners").GetInt32());

        // A complete proxy ballot counts, on both matters.
        await (await admin.PostAsJsonAsync(uri, new { unitCode = "1-102", choices = both, channel = "proxy", evidenceRef = "scan-9", proxyHolder = "张三" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var tally = await admin.TallyAsync(voteId);
        Assert.Equal(1, tally.GetProperty("participatingOwners").GetInt32());
        Assert.Equal("three_quarters", tally.GetProperty("matters")[0].GetProperty("rule").GetString());
        Assert.Equal(1, tally.GetProperty("matters")[1].GetProperty("abstainOwners").GetInt32());
    }

    [Fact]
    public async Task Draft_WithBadMatters_Answers400()
    {
        var (admin, areaId, _, _) = await AreaOfThreeOwnersAsync();
        var uri = $"/api/property/areas/{areaId}/votes";
        var now = DateTimeOffset.UtcNow;

        object[] bodies =
        [
            new { title = "t", opensAt = now, closesAt = now.AddDays(1), matters = new[] { Matter("m1", "use_maintenance_fund") } },
            new { title = "t", opensAt = now, closesAt = now.AddDays(1), matters = new[] { Matter("m1", "other_major", 100m) } },
            new { title = "t", opensAt = now, closesAt = now.AddDays(1), matters = new[] { Matter("m1", "rebuild"), Matter("m1", "other_major") } },
            new { title = "t", opensAt = now, closesAt = now.AddDays(-1), matters = new[] { Matter("m1", "rebuild") } },
            new { title = "t", opensAt = now, closesAt = now.AddDays(1), matters = Array.Empty<object>() },
            new { title = "t", opensAt = now, closesAt = now.AddDays(1), matters = new[] { Matter("m1", "buy_a_yacht") } },
        ];
        foreach (var body in bodies)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(uri, body, Cancellation)).StatusCode);
        }
    }

    [Fact]
    public async Task Ballots_OfAClosedVote_ShowOwnersWhoVotedHow_WithNamesAndIdNumbersMasked()
    {
        var compound = await fixture.NewCompoundAsync();
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var zhang = TestHolders.IdNumber();
        var ouyang = TestHolders.IdNumber();
        var units = new[]
        {
            await admin.AddUnitAsync(areaId, Unit("1-101", compound.Buildings[0], "100.00", true, Person(zhang, "张三丰"))),
            await admin.AddUnitAsync(areaId, Unit("2-101", compound.Buildings[1], "50.00", true, Person(zhang, "张三丰"))),
            await admin.AddUnitAsync(areaId, Unit("1-102", compound.Buildings[0], "80.00", true, Person(ouyang, "欧阳修"), Person(name: "李四"))),
            await admin.AddUnitAsync(areaId, Unit("2-102", compound.Buildings[1], "70.00", true, Company())),
            await admin.AddUnitAsync(areaId, Unit("1-201", compound.Buildings[0], "90.00", false, Developer(TestHolders.CreditCode(), "某某房地产开发有限公司"))),
        };
        var (_, zhangOnline) = await LinkedOwnerAsync(admin, units[0]);
        var voteId = await admin.DraftVoteAsync(areaId);
        await admin.OpenVoteAsync(voteId);
        await (await zhangOnline.BallotAsync(voteId, "2-101", "online")).AssertOkAsync(HttpStatusCode.Created);
        await (await admin.BallotAsync(voteId, "1-102", "proxy", "reject", proxyHolder: "王五")).AssertOkAsync(HttpStatusCode.Created);
        await (await admin.BallotAsync(voteId, "1-201", "paper", "abstain")).AssertOkAsync(HttpStatusCode.Created);

        // Nobody learns how the neighbours voted while the vote is open.
        var uri = $"/api/property/votes/{voteId}/ballots";
        await (await zhangOnline.GetAsync(uri, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_closed");
        await (await admin.GetAsync(uri, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_closed");

        await (await admin.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).AssertOkAsync();
        // The owners see the result and who voted how.
        Assert.Equal(3, (await zhangOnline.TallyAsync(voteId)).GetProperty("participatingOwners").GetInt32());
        var response = await zhangOnline.GetAsync(uri, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        var roll = await response.AssertOkAsync();
        Assert.Equal(3, roll.GetProperty("total").GetInt32());
        var items = roll.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            new (string?, string?)[] { ("张**", zhang[..3] + "***********" + zhang[14..]) },
            items[0].GetProperty("holders").EnumerateArray().Select(h => (h.GetProperty("name").GetString(), h.GetProperty("idNumber").GetString())));
        Assert.Equal(new[] { "1-101", "2-101" }, items[0].GetProperty("unitCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("online", "approve"), (items[0].GetProperty("channel").GetString(), items[0].GetProperty("choices").GetProperty("m1").GetString()));
        Assert.Equal(new[] { "欧阳*", "李*" }, items[1].GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(("proxy", "王*", "reject"), (items[1].GetProperty("channel").GetString(), items[1].GetProperty("proxyHolder").GetString(),
            items[1].GetProperty("choices").GetProperty("m1").GetString()));
        Assert.Equal(("developer", "某某房地产开发有限公司"), (items[2].GetProperty("holders")[0].GetProperty("kind").GetString(), items[2].GetProperty("holders")[0].GetProperty("name").GetString()));
        Assert.Equal(new[] { "1-201" }, items[2].GetProperty("unitCodes").EnumerateArray().Select(c => c.GetString()));
        foreach (var clear in new[] { "张三丰", "欧阳修", "李四", "王五", zhang, ouyang })
        {
            Assert.DoesNotContain(clear, text, StringComparison.Ordinal);
        }

        var second = await admin.GetJsonAsync(uri + "?page=2&pageSize=1");
        Assert.Equal((3, 1), (second.GetProperty("total").GetInt32(), second.GetProperty("items").GetArrayLength()));
        Assert.Equal(new[] { "1-102" }, second.GetProperty("items")[0].GetProperty("unitCodes").EnumerateArray().Select(c => c.GetString()));

        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        foreach (var outsider in new[] { otherDistrict, stranger })
        {
            await (await outsider.GetAsync(uri, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.vote_not_found");
        }
    }

    [Fact]
    public async Task VoteEndpoints_ForAnotherDistrictOrAnUnlinkedUser_Answer404()
    {
        var (admin, areaId, _, units) = await AreaOfThreeOwnersAsync();
        var voteId = await admin.DraftVoteAsync(areaId);
        await admin.OpenVoteAsync(voteId);
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);
        var stranger = await fixture.MemberClientAsync(PlatformRoleNames.Resident);

        foreach (var outsider in new[] { otherDistrict, otherCommunity, stranger })
        {
            await (await outsider.GetAsync($"/api/property/votes/{voteId}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.vote_not_found");
            await (await outsider.GetAsync($"/api/property/votes/{voteId}/tally", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.vote_not_found");
            await (await outsider.BallotAsync(voteId, "1-102", "online")).AssertProblemAsync(HttpStatusCode.NotFound, "property.vote_not_found");
        }

        foreach (var outsider in new[] { otherDistrict, otherCommunity })
        {
            await (await outsider.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.vote_not_found");
        }

        // A linked owner sees the vote but does not run it.
        var (_, owner) = await LinkedOwnerAsync(admin, units[2]);
        await owner.GetJsonAsync($"/api/property/votes/{voteId}");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/property/votes/{voteId}/close", null, Cancellation)).StatusCode);
    }
}
