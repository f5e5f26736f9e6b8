using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests;

/// <summary>Linking a platform account to a resident record, so the resident acts as themself online.</summary>
public sealed class ResidentAccountApiTests(ResidentsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Uri Account(Guid residentId) => new($"/api/residents/{residentId}/account", UriKind.Relative);

    [Fact]
    public async Task Link_ByACommunityWorkerInScope_IsRecorded_AndOneAccountActsAsOneResident()
    {
        var (workerId, workerToken) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var worker = fixture.Client(workerToken);
        var (first, second) = (await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "101"), await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA1, "102"));
        var (userId, _) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.Resident, null);
        var (otherUserId, _) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.Resident, null);

        var linked = await (await worker.PutAsJsonAsync(Account(first), new { userId }, Cancellation)).AssertOkAsync();
        Assert.Equal(userId, linked.GetProperty("userId").GetString());
        // Linking the same account again changes nothing and records nothing.
        await TestResidents.LinkAsync(worker, first, userId);
        await (await worker.PutAsJsonAsync(Account(second), new { userId }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "resident.account_taken");
        await (await worker.PutAsJsonAsync(Account(first), new { userId = otherUserId }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "resident.account_linked_elsewhere");
        await (await worker.PutAsJsonAsync(Account(first), new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync(Account(first), Cancellation)).StatusCode);
        await (await worker.DeleteAsync(Account(first), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.account_not_linked");
        // Once unlinked, the account may act as the other resident.
        await TestResidents.LinkAsync(worker, second, userId);

        var trail = await (await worker.GetAsync(Account(first), Cancellation)).AssertOkAsync();
        Assert.Equal(JsonValueKind.Null, trail.GetProperty("userId").ValueKind);
        Assert.Equal(
            new (string?, string?, string?)[] { ("unlinked", userId, workerId), ("linked", userId, workerId) },
            trail.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("change").GetString(), c.GetProperty("userId").GetString(), c.GetProperty("byUserId").GetString())).ToArray());
    }

    [Fact]
    public async Task Link_OutsideTheCallersScopeRoleOrDistrict_IsRefused()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var resident = await TestResidents.RegisterAsync(admin, TestTerritory.BuildingB1, "901");
        var (userId, _) = await fixture.Identity.MemberAsync(ResidentsFixture.Demo, PlatformRoleNames.Resident, null);

        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        await (await elsewhere.PutAsJsonAsync(Account(resident), new { userId }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        var gridWorker = await fixture.MemberClientAsync(PlatformRoleNames.GridWorker, TestTerritory.GridB1);
        await (await gridWorker.PutAsJsonAsync(Account(resident), new { userId }, Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.PutAsJsonAsync(Account(resident), new { userId }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await otherDistrict.GetAsync(Account(resident), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");
        await (await otherDistrict.DeleteAsync(Account(resident), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "resident.not_found");

        await TestResidents.LinkAsync(admin, resident, userId);
        Assert.Equal(userId, (await (await admin.GetAsync(Account(resident), Cancellation)).AssertOkAsync()).GetProperty("userId").GetString());
    }

    [Fact]
    public async Task TopicBallot_ByALinkedResident_CountsOnlineForThemself_AndAnUnlinkedAccountIsRefused()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        var voter = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA2, "501");
        var neighbour = await TestResidents.RegisterAsync(worker, TestTerritory.BuildingA2, "502");
        var id = IdOf(await RaiseAsync(worker, new { title = "楼前停车", category = "停车", nodeId = TestTerritory.BuildingA2 }));
        await ActAsync(worker, id, "classify", new { kind = "self_governance", scale = "shared" });
        for (var i = 0; i < ResidentsFixture.TopicSupportThreshold; i++)
        {
            await ActAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "support");
        }

        await ActAsync(worker, id, "open", new { electorate = "residents", rule = "simple_majority" });
        var resident = await TestResidents.LinkedClientAsync(fixture, worker, voter);
        await RefusedAsync(resident, id, "ballot", HttpStatusCode.Forbidden, "topic.action_forbidden", new { residentId = neighbour, choice = "yes" });
        await RefusedAsync(resident, id, "ballot", HttpStatusCode.Forbidden, "topic.action_forbidden", new { choice = "yes", channel = "paper" });
        await RefusedAsync(await fixture.MemberClientAsync(PlatformRoleNames.Resident), id, "ballot", HttpStatusCode.Forbidden, "resident.no_linked_record", new { choice = "yes" });

        await ActAsync(resident, id, "ballot", new { choice = "yes" });
        await RefusedAsync(worker, id, "ballot", HttpStatusCode.Conflict, "topic.already_voted", new { residentId = voter, choice = "no", channel = "paper" });
        var closed = await ActAsync(worker, id, "close");
        Assert.Equal(("adopted", 1, 1), (closed.GetProperty("status").GetString(), closed.GetProperty("vote").GetProperty("yes").GetInt32(), closed.GetProperty("vote").GetProperty("cast").GetInt32()));
    }
}
