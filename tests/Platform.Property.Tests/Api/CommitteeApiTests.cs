using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Property.Contracts;
using Platform.Testing;
using static Platform.Property.Tests.Api.PropertyApi;

namespace Platform.Property.Tests.Api;

public sealed class CommitteeApiTests(PropertyFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly object PartyRep = new { name = "社区党委书记", partyRepresentative = true, userId = "party-rep" };
    private static readonly object ResidentsCommittee = new { name = "居委会委员", residentsCommitteeMember = true, userId = "rc-member" };

    /// <summary>An area of seven owners, one unit of 100 m² each, in a compound of its own.</summary>
    private async Task<(HttpClient Admin, Guid AreaId, TestCompound Compound, JsonElement[] Units)> AreaOfSevenOwnersAsync()
    {
        var compound = await fixture.NewCompoundAsync(buildings: 1);
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var areaId = await admin.CreateAreaAsync(compound.Id);
        var units = new List<JsonElement>();
        for (var i = 1; i <= 7; i++)
        {
            units.Add(await admin.AddUnitAsync(areaId, Unit($"1-{i:D3}", compound.Buildings[0], "100.00", true, Person(name: $"业主{i}"))));
        }

        return (admin, areaId, compound, [.. units]);
    }

    private static Guid OwnerOf(JsonElement unit) => unit.GetProperty("ownerId").GetGuid();

    private async Task<HttpClient> LinkedOwnerAsync(HttpClient admin, JsonElement unit)
    {
        var (userId, token) = await fixture.Identity.MemberAsync(PropertyFixture.Demo, PlatformRoleNames.Resident, null);
        (await admin.PostAsJsonAsync($"/api/property/owners/{OwnerOf(unit)}/link", new { userId }, Cancellation)).EnsureSuccessStatusCode();
        return fixture.Client(token);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string uri, object? body = null, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(uri, body ?? new { }, Cancellation)).AssertOkAsync(status);

    private static Task<HttpResponseMessage> BallotAsync(HttpClient client, Guid voteId, string unitCode, Dictionary<string, string> choices) =>
        client.PostAsJsonAsync($"/api/property/votes/{voteId}/ballots", new { unitCode, choices, channel = "paper", evidenceRef = "scan-1" }, Cancellation);

    [Fact]
    public async Task OwnersCommittee_FromPreparatoryGroupToActive_ElectsByTheVote_AndItsMembersEnterPaperBallots()
    {
        var (admin, areaId, compound, units) = await AreaOfSevenOwnersAsync();
        var street = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, PropertyFixture.StreetA);
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, compound.Id);
        var committees = $"/api/property/areas/{areaId}/committees";

        Assert.Equal("0.0000", (await worker.GetJsonAsync("/api/property/committees/formation-rate")).GetProperty("formationRate").GetString());

        // The preparatory group includes a party representative and a residents'-committee member.
        await (await worker.PostAsJsonAsync(committees, new { preparatoryGroup = new[] { ResidentsCommittee } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await worker.PostAsJsonAsync(committees, new { preparatoryGroup = new object[] { PartyRep, ResidentsCommittee, new { name = "外人", ownerId = Guid.NewGuid() } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "property.committee_composition");
        var formed = await PostAsync(worker, committees, new { preparatoryGroup = new object[] { PartyRep, ResidentsCommittee, new { name = "业主1", ownerId = OwnerOf(units[0]) } } }, HttpStatusCode.Created);
        Assert.Equal("preparing", formed.GetProperty("stage").GetString());
        await (await worker.PostAsJsonAsync(committees, new { preparatoryGroup = new[] { PartyRep, ResidentsCommittee } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "property.committee_under_way");
        var committee = $"/api/property/committees/{formed.GetProperty("id").GetGuid()}";

        await (await worker.PostAsync($"{committee}/draft-rules", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.committee_step");
        await PostAsync(worker, $"{committee}/verify-roll");
        await PostAsync(worker, $"{committee}/draft-rules");

        var candidates = units[..6].Select((u, i) => new { ownerId = OwnerOf(u), name = $"业主{i + 1}", partyRecommended = i == 0 }).ToArray();
        await (await worker.PostAsJsonAsync($"{committee}/candidates", new { seats = 6, candidates }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var nominated = await PostAsync(worker, $"{committee}/candidates", new { seats = 5, candidates });
        Assert.Equal("candidates_nominated", nominated.GetProperty("stage").GetString());
        Assert.True(nominated.GetProperty("candidates")[0].GetProperty("partyRecommended").GetBoolean());

        var election = await PostAsync(
            worker, $"{committee}/election", new { title = "第一届业主委员会选举", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(7) },
            HttpStatusCode.Created);
        var voteId = election.GetProperty("id").GetGuid();
        Assert.Equal(
            ["elect_committee"], election.GetProperty("matters").EnumerateArray().Select(m => m.GetProperty("matter").GetString()).Distinct());
        await admin.OpenVoteAsync(voteId);

        var sixApprovals = Enumerable.Range(1, 6).ToDictionary(i => $"c{i}", _ => "approve");
        await (await BallotAsync(admin, voteId, "1-001", sixApprovals)).AssertProblemAsync(HttpStatusCode.BadRequest, "property.ballot_choices");
        var fiveApprovals = new Dictionary<string, string>(sixApprovals) { ["c6"] = "reject" };
        for (var i = 1; i <= 6; i++)
        {
            await (await BallotAsync(admin, voteId, $"1-{i:D3}", fiveApprovals)).AssertOkAsync(HttpStatusCode.Created);
        }

        await (await worker.PostAsync($"{committee}/election/result", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.vote_not_closed");
        await PostAsync(admin, $"/api/property/votes/{voteId}/close");
        var elected = await PostAsync(worker, $"{committee}/election/result");
        Assert.Equal("elected", elected.GetProperty("stage").GetString());
        Assert.Equal(candidates[..5].Select(c => c.ownerId), elected.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("ownerId").GetGuid()));

        // An interim committee still governs: it is dissolved before the owners' committee is filed.
        var interim = await PostAsync(street, $"/api/property/areas/{areaId}/interim-committees", new
        {
            members = new object[] { new { name = "居委会主任", residentsCommitteeMember = true, chair = true, userId = "rc-chair" }, new { name = "业主6", ownerId = OwnerOf(units[5]) }, new { name = "业主7", ownerId = OwnerOf(units[6]) } },
            reason = "failed_to_elect",
            termEndsAt = DateTimeOffset.UtcNow.AddYears(2),
        }, HttpStatusCode.Created);
        Assert.Equal(("interim_committee", "active"), (interim.GetProperty("kind").GetString(), interim.GetProperty("stage").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"{committee}/file", new { termYears = 5 }, Cancellation)).StatusCode);
        await (await street.PostAsJsonAsync($"{committee}/file", new { termYears = 5 }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "property.committee_under_way");
        await PostAsync(street, $"/api/property/committees/{interim.GetProperty("id").GetGuid()}/dissolve");
        await (await street.PostAsJsonAsync($"{committee}/file", new { termYears = 6 }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "property.committee_term");
        var active = await PostAsync(street, $"{committee}/file", new { termYears = 5 });
        Assert.Equal("active", active.GetProperty("stage").GetString());
        Assert.Equal("1.0000", (await worker.GetJsonAsync("/api/property/committees/formation-rate")).GetProperty("formationRate").GetString());
        var history = await worker.GetJsonAsync(committees);
        Assert.Equal(["interim_committee", "owners_committee"], history.EnumerateArray().Select(c => c.GetProperty("kind").GetString()).Order());

        var filed = await fixture.RecordedAsync<PropertyCommitteeChangedIntegrationEvent>(e => e.CommitteeId == active.GetProperty("id").GetGuid() && e.Stage == "active");
        Assert.Equal((PropertyFixture.Demo.Id, areaId, "owners_committee"), (filed.TenantId, filed.AreaId, filed.Kind));
        await fixture.RecordedAsync<PropertyCommitteeChangedIntegrationEvent>(e => e.CommitteeId == interim.GetProperty("id").GetGuid() && e.Ending == "dissolved");

        // A member of the active owners' committee enters paper ballots; an owner who is not a member does not.
        var member = await LinkedOwnerAsync(admin, units[0]);
        var notMember = await LinkedOwnerAsync(admin, units[6]);
        var nextVote = await admin.DraftVoteAsync(areaId);
        await admin.OpenVoteAsync(nextVote);
        await (await member.BallotAsync(nextVote, "1-004")).AssertOkAsync(HttpStatusCode.Created);
        await (await notMember.BallotAsync(nextVote, "1-005")).AssertProblemAsync(HttpStatusCode.Forbidden, "property.ballot_forbidden");
        await (await member.BallotAsync(nextVote, "1-005", "online")).AssertProblemAsync(HttpStatusCode.Forbidden, "property.ballot_forbidden");

        // The committee closes a vote early, recorded with who did; another owner may not.
        await (await notMember.PostAsync($"/api/property/votes/{nextVote}/close", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "property.vote_close_forbidden");
        var closed = await PostAsync(member, $"/api/property/votes/{nextVote}/close");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(closed.GetProperty("closedBy").GetString()));
    }

    [Fact]
    public async Task Election_ApprovedByTooFewOwners_Fails_AndTheCommitteeEnds()
    {
        var (admin, areaId, _, units) = await AreaOfSevenOwnersAsync();
        var committee = $"/api/property/committees/{(await PostAsync(admin, $"/api/property/areas/{areaId}/committees", new { preparatoryGroup = new[] { PartyRep, ResidentsCommittee } }, HttpStatusCode.Created)).GetProperty("id").GetGuid()}";
        await PostAsync(admin, $"{committee}/verify-roll");
        await PostAsync(admin, $"{committee}/draft-rules");
        await PostAsync(admin, $"{committee}/candidates", new { seats = 5, candidates = units[..5].Select((u, i) => new { ownerId = OwnerOf(u), name = $"业主{i + 1}" }) });
        var voteId = (await PostAsync(admin, $"{committee}/election", new { title = "选举", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(7) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await admin.OpenVoteAsync(voteId);
        // Five of seven take part (quorum), but c5 has only two approving owners of five.
        for (var i = 1; i <= 5; i++)
        {
            var choices = Enumerable.Range(1, 5).ToDictionary(k => $"c{k}", k => k == 5 && i > 2 ? "reject" : "approve");
            await (await BallotAsync(admin, voteId, $"1-{i:D3}", choices)).AssertOkAsync(HttpStatusCode.Created);
        }

        await PostAsync(admin, $"/api/property/votes/{voteId}/close");
        var failed = await PostAsync(admin, $"{committee}/election/result");

        Assert.Equal(("ended", "election_failed"), (failed.GetProperty("stage").GetString(), failed.GetProperty("ending").GetString()));
        Assert.Empty(failed.GetProperty("members").EnumerateArray());
        // Ended, it no longer blocks a new preparatory group.
        await PostAsync(admin, $"/api/property/areas/{areaId}/committees", new { preparatoryGroup = new[] { PartyRep, ResidentsCommittee } }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task CommitteeEndpoints_ForAnotherDistrictOrCommunity_Answer404()
    {
        var (admin, areaId, _, _) = await AreaOfSevenOwnersAsync();
        var id = (await PostAsync(admin, $"/api/property/areas/{areaId}/committees", new { preparatoryGroup = new[] { PartyRep, ResidentsCommittee } }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: PropertyFixture.Other);
        var otherCommunity = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, PropertyFixture.CommunityA2);

        foreach (var outsider in new[] { otherDistrict, otherCommunity })
        {
            await (await outsider.GetAsync($"/api/property/committees/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.committee_not_found");
            await (await outsider.PostAsync($"/api/property/committees/{id}/verify-roll", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.committee_not_found");
            await (await outsider.GetAsync($"/api/property/areas/{areaId}/committees", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            await (await outsider.PostAsJsonAsync($"/api/property/areas/{areaId}/committees", new { preparatoryGroup = new[] { PartyRep, ResidentsCommittee } }, Cancellation))
                .AssertProblemAsync(HttpStatusCode.NotFound, "property.area_not_found");
            var reminders = await outsider.GetJsonAsync("/api/property/committees/reminders");
            Assert.DoesNotContain(reminders.EnumerateArray(), r => r.GetProperty("committeeId").GetGuid() == id);
        }

        await (await otherDistrict.PostAsJsonAsync($"/api/property/committees/{id}/file", new { termYears = 5 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "property.committee_not_found");
        Assert.Equal("preparing", (await admin.GetJsonAsync($"/api/property/committees/{id}")).GetProperty("stage").GetString());
    }
}
