using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Residents.Tests.Notices;
using Platform.Testing;
using Platform.Testing.Services;
using static Platform.Residents.Tests.Deliberation.TopicRequests;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>
/// A representatives' meeting (议事厅) through the API, on a fresh compound of its own: convened a notice period ahead,
/// opened only with more than half of the serving representatives present, closed with minutes whose resolution takes
/// the tally of the topic's vote, and published without the speakers' names.
/// </summary>
public sealed class MeetingApiTests(ResidentsFixture fixture)
{
    private const string Meetings = "/api/deliberation/meetings";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Meeting_OpensWithItsQuorum_AndClosesWithMinutesLinkedToTheVote()
    {
        var (street, community, compound, building) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishTreeAsync(
            new TerritoryTreeEvents(ResidentsFixture.Demo)
                .Add(street, null, TerritoryNodeKind.Street, "会议街道")
                .Add(community, street, TerritoryNodeKind.Community, "会议社区")
                .Add(compound, community, TerritoryNodeKind.Compound, "会议小区")
                .Add(building, compound, TerritoryNodeKind.Building, "5号楼"),
            Cancellation);
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, street);
        var residents = new List<Guid>();
        var representatives = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            residents.Add(await TestResidents.RegisterAsync(worker, building, $"60{i}"));
            representatives.Add(IdOf(await (await worker.PostAsJsonAsync(
                "/api/deliberation/representatives",
                new { nodeId = compound, residentId = residents[i], seat = "residents", nomination = "party_organisation", termStart = "2026-01-01", termEnd = "2028-12-31" },
                Cancellation)).AssertOkAsync(HttpStatusCode.Created)));
        }

        var topic = await OnAgendaAsync(fixture, worker, compound, "小区绿化补种");
        var startsAt = DateTimeOffset.UtcNow + TimeSpan.FromDays(3) + TimeSpan.FromHours(1);
        object Convening(DateTimeOffset start, string type = "议事厅") => new { type, title = "四季度议事会", nodeId = compound, startsAt = start, place = "社区议事厅", topicIds = new[] { topic } };
        await (await worker.PostAsJsonAsync(Meetings, Convening(DateTimeOffset.UtcNow + TimeSpan.FromDays(1)), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "meeting.notice_too_short");
        await (await worker.PostAsJsonAsync(Meetings, Convening(startsAt, "茶话会"), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var convened = await (await worker.PostAsJsonAsync(Meetings, Convening(startsAt), Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var id = IdOf(convened);
        Assert.Equal(("convened", "representatives", "more_than_half", "compound"), (convened.GetProperty("status").GetString(), convened.GetProperty("roll").GetString(),
            convened.GetProperty("quorum").GetString(), convened.GetProperty("level").GetString()));
        var announcement = await TestNotices.ReadAsync(fixture, convened.GetProperty("noticeId").GetGuid());
        Assert.Equal("meeting_convened", announcement.GetProperty("kind").GetString());
        Assert.Contains("议题：1. 小区绿化补种", announcement.GetProperty("body").GetString(), StringComparison.Ordinal);

        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.GetAsync(new Uri($"{Meetings}/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "meeting.not_found");
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        await (await neighbour.PostAsJsonAsync($"{Meetings}/{id}/open", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "meeting.not_found");
        await (await (await fixture.MemberClientAsync(PlatformRoleNames.Resident)).PostAsJsonAsync(Meetings, Convening(startsAt), Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "meeting.action_forbidden");

        // A replica of the service past the objection period and the start: the representatives are confirmed, the meeting held.
        var clock = new AdvancingClock();
        clock.Advance(TimeSpan.FromDays(6));
        await using var later = fixture.StartReplica(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var laterWorker = later.Client(await fixture.MemberTokenAsync(ResidentsFixture.Demo, PlatformRoleNames.StreetAdmin, street));
        foreach (var representative in representatives)
        {
            await (await laterWorker.PostAsJsonAsync($"/api/deliberation/representatives/{representative}/confirm", new { }, Cancellation)).AssertOkAsync();
        }

        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/attendance", new { representativeId = representatives[0] }, Cancellation)).AssertOkAsync();
        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/attendance", new { residentId = residents[0] }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "meeting.already_attending");
        var outsider = await TestResidents.RegisterAsync(worker, building, "699");
        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/attendance", new { residentId = outsider }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "meeting.not_on_roll");
        // 1 of 3 is not more than half.
        var short1 = await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/open", new { }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "meeting.quorum_not_met");
        Assert.Equal((1, 3), (short1.GetProperty("attendance").GetInt32(), short1.GetProperty("rollSize").GetInt32()));
        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/attendance", new { residentId = residents[1] }, Cancellation)).AssertOkAsync();
        var opened = await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/open", new { }, Cancellation)).AssertOkAsync();
        Assert.Equal(("in_session", 2, 3), (opened.GetProperty("status").GetString(), opened.GetProperty("attendance").GetInt32(), opened.GetProperty("rollSize").GetInt32()));

        var speakers = new[] { new { name = "钱学文", role = "proposer", topicId = topic, summary = "补种乔木改善环境" }, new { name = "孙立", role = "opponent", topicId = topic, summary = "担心遮挡采光" } };
        object Minutes() => new { minutes = "代表讨论绿化补种方案。", speakers, minorityOpinions = new[] { "靠近低层住户处改种灌木" }, resolutions = new[] { new { topicId = topic, text = "同意补种，靠近住户处改种灌木" } } };
        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/close", Minutes(), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "meeting.vote_not_decided");
        await ActAsync(laterWorker, topic, "open", new { electorate = "representatives", rule = "simple_majority" });
        await ActAsync(laterWorker, topic, "ballot", new { representativeId = representatives[0], choice = "yes", channel = "paper" });
        await ActAsync(laterWorker, topic, "ballot", new { representativeId = representatives[1], choice = "no", channel = "paper" });
        await ActAsync(laterWorker, topic, "ballot", new { representativeId = representatives[2], choice = "yes", channel = "paper" });
        await ActAsync(laterWorker, topic, "close");

        var closed = await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/close", Minutes(), Cancellation)).AssertOkAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        var resolution = Assert.Single(closed.GetProperty("resolutions").EnumerateArray());
        Assert.Equal((topic, true, 2, 1, 0, 3), (resolution.GetProperty("topicId").GetGuid(), resolution.GetProperty("adopted").GetBoolean(), resolution.GetProperty("yes").GetInt32(),
            resolution.GetProperty("no").GetInt32(), resolution.GetProperty("abstain").GetInt32(), resolution.GetProperty("electorateSize").GetInt32()));
        Assert.Equal(["proposer", "opponent"], closed.GetProperty("speakers").EnumerateArray().Select(s => s.GetProperty("role").GetString()));
        var minutes = await TestNotices.SingleAsync(fixture, id, "meeting_minutes");
        var body = minutes.GetProperty("body").GetString()!;
        Assert.Contains("应到3名代表，实到2名代表。", body, StringComparison.Ordinal);
        Assert.Contains("决议（小区绿化补种）：同意补种，靠近住户处改种灌木（同意2票，反对1票，弃权0票，通过）", body, StringComparison.Ordinal);
        Assert.Contains("少数意见：靠近低层住户处改种灌木", body, StringComparison.Ordinal);
        Assert.DoesNotContain("钱学文", minutes.ToString(), StringComparison.Ordinal);
        await (await laterWorker.PostAsJsonAsync($"{Meetings}/{id}/cancel", new { reason = "晚了" }, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "meeting.invalid_transition");
    }
}
