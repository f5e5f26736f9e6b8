using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Residents.Tests.Notices;
using Platform.Testing;

namespace Platform.Residents.Tests.Deliberation;

/// <summary>
/// Representatives through the API: nominated, published for objections without their personal data, objected to, and
/// confirmed once the period is over, which a second replica of the service sees through a clock it moves forward.
/// </summary>
public sealed class RepresentativeApiTests(ResidentsFixture fixture)
{
    private const string Representatives = "/api/deliberation/representatives";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> NominateAsync(HttpClient client, object body) => client.PostAsJsonAsync(Representatives, body, Cancellation);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(path, body ?? new { }, Cancellation);

    private static object ResidentSeat(Guid? residentId, string start = "2027-01-01", string end = "2029-12-31", string nomination = "party_organisation") =>
        new { nodeId = TestTerritory.CommunityA1, residentId, seat = "residents", nomination, termStart = start, termEnd = end };

    private static async Task<(Guid Id, string IdNumber, string Phone)> RegisterNamedAsync(HttpClient worker, string name)
    {
        var (idNumber, phone) = (TestPeople.IdNumber(), TestPeople.Phone());
        var registered = await (await worker.PostAsJsonAsync("/api/residents", new { name, idNumber, phone, nodeId = TestTerritory.BuildingA1, household = "801" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        return (registered.GetProperty("id").GetGuid(), idNumber, phone);
    }

    [Fact]
    public async Task Representative_PublishedForObjections_IsConfirmedOnlyAfterThePeriod_WithTheObjectionsAnswered()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var (resident, idNumber, phone) = await RegisterNamedAsync(worker, "张三丰");

        var nominated = await (await NominateAsync(worker, ResidentSeat(resident))).AssertOkAsync(HttpStatusCode.Created);
        var (id, noticeId) = (nominated.GetProperty("id").GetGuid(), nominated.GetProperty("noticeId").GetGuid());
        Assert.Equal(("in_publicity", "张三丰", 0), (nominated.GetProperty("status").GetString(), nominated.GetProperty("name").GetString(), nominated.GetProperty("objections").GetInt32()));
        var notice = await TestNotices.ReadAsync(fixture, noticeId);
        Assert.Equal(("representative_nomination", id, TestTerritory.CommunityA1), (notice.GetProperty("kind").GetString(), notice.GetProperty("subjectId").GetGuid(), notice.GetProperty("nodeId").GetGuid()));
        // Stored times keep microseconds; the answer to the nomination had the clock's ticks.
        Assert.Equal(nominated.GetProperty("objectionsUntil").GetDateTimeOffset(), notice.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromDays(5), notice.GetProperty("expiresAt").GetDateTimeOffset() - notice.GetProperty("publishedAt").GetDateTimeOffset());
        AssertNoPersonalData(notice, "张三丰", idNumber, phone, resident);
        Assert.StartsWith("张**（居民代表）", notice.GetProperty("body").GetString(), StringComparison.Ordinal);

        await (await NominateAsync(worker, ResidentSeat(resident, "2029-06-01", "2031-12-31", "residents"))).AssertProblemAsync(HttpStatusCode.Conflict, "representative.already_nominated");
        var objector = await fixture.MemberClientAsync(PlatformRoleNames.Resident);
        await (await PostAsync(objector, $"/api/notices/{noticeId}/objections", new { text = "该同志长期不在本社区居住" })).AssertOkAsync(HttpStatusCode.Created);
        await (await PostAsync(worker, $"{Representatives}/{id}/confirm")).AssertProblemAsync(HttpStatusCode.Conflict, "representative.objection_period_running");

        var otherDistrict = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: ResidentsFixture.Other);
        await (await otherDistrict.GetAsync(new Uri($"{Representatives}/{id}", UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "representative.not_found");
        await (await PostAsync(otherDistrict, $"{Representatives}/{id}/reject", new { note = "别处" })).AssertProblemAsync(HttpStatusCode.NotFound, "representative.not_found");
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        await (await PostAsync(neighbour, $"{Representatives}/{id}/reject", new { note = "别处" })).AssertProblemAsync(HttpStatusCode.NotFound, "representative.not_found");

        // A second replica of the service whose clock is past the objection period, on the same database.
        var clock = new AdvancingClock();
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        await using var later = fixture.StartReplica(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var laterWorker = later.Client(await fixture.MemberTokenAsync(ResidentsFixture.Demo, PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1));
        await (await PostAsync(later.Client(await fixture.MemberTokenAsync(ResidentsFixture.Demo, PlatformRoleNames.Resident, null)), $"/api/notices/{noticeId}/objections", new { text = "迟到的异议" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "notice.period_over");
        var unanswered = await (await PostAsync(laterWorker, $"{Representatives}/{id}/confirm")).AssertProblemAsync(HttpStatusCode.BadRequest, "representative.objections_unanswered");
        Assert.Equal(1, unanswered.GetProperty("objections").GetInt32());

        var confirmed = await (await PostAsync(laterWorker, $"{Representatives}/{id}/confirm", new { note = "经核实本人在本社区居住，居民会议确认" })).AssertOkAsync();
        Assert.Equal(("confirmed", 1, "经核实本人在本社区居住，居民会议确认"), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("objections").GetInt32(), confirmed.GetProperty("decisionNote").GetString()));
        await (await PostAsync(laterWorker, $"{Representatives}/{id}/reject", new { note = "晚了" })).AssertProblemAsync(HttpStatusCode.Conflict, "representative.invalid_transition");
        var confirmation = await TestNotices.SingleAsync(fixture, id, "representative_confirmation");
        AssertNoPersonalData(confirmation, "张三丰", idNumber, phone, resident);
        Assert.Equal("经公示，张**（居民代表）确认为东一社区议事代表，任期2027年1月1日至2029年12月31日。", confirmation.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Nominate_OneselfAsAResident_OrSomeoneElse_AndNonResidentsByName()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var (self, _, _) = await RegisterNamedAsync(worker, "王小明");
        var (other, _, _) = await RegisterNamedAsync(worker, "赵小红");
        var selfClient = await TestResidents.LinkedClientAsync(fixture, worker, self);

        await (await NominateAsync(selfClient, ResidentSeat(other, nomination: "self"))).AssertProblemAsync(HttpStatusCode.Forbidden, "representative.action_forbidden");
        await (await NominateAsync(selfClient, ResidentSeat(null, nomination: "party_organisation"))).AssertProblemAsync(HttpStatusCode.Forbidden, "representative.action_forbidden");
        var own = await (await NominateAsync(selfClient, new { nodeId = TestTerritory.CommunityA1, seat = "residents", termStart = "2027-01-01", termEnd = "2029-12-31" }))
            .AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal((self, "self"), (own.GetProperty("residentId").GetGuid(), own.GetProperty("nomination").GetString()));
        await (await selfClient.GetAsync(new Uri(Representatives, UriKind.Relative), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "representative.action_forbidden");

        var unit = new { nodeId = TestTerritory.CommunityA1, name = "李" + Guid.NewGuid().ToString("N")[..6], organisation = "某物业服务公司", seat = "local_units", nomination = "party_organisation", termStart = "2027-01-01", termEnd = "2029-12-31" };
        var unitDelegate = await (await NominateAsync(worker, unit)).AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, unitDelegate.GetProperty("residentId").ValueKind);
        await (await NominateAsync(worker, unit with { seat = "invitees" })).AssertProblemAsync(HttpStatusCode.Conflict, "representative.already_nominated");
        await (await NominateAsync(worker, new { unit.nodeId, unit.seat, unit.nomination, unit.termStart, unit.termEnd })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var unregistered = new { nodeId = TestTerritory.CommunityA1, name = "钱七", seat = "residents", nomination = "residents", termStart = "2027-01-01", termEnd = "2029-12-31" };
        await (await NominateAsync(worker, unregistered)).AssertProblemAsync(HttpStatusCode.BadRequest, "representative.invalid_argument");
        var outsider = await TestResidents.RegisterAsync(await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin), TestTerritory.BuildingA2, "901");
        await (await NominateAsync(worker, ResidentSeat(outsider))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var listed = await (await worker.GetAsync(new Uri($"{Representatives}?status=in_publicity&pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        var ids = listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(own.GetProperty("id").GetGuid(), ids);
        Assert.Contains(unitDelegate.GetProperty("id").GetGuid(), ids);
    }

    private static void AssertNoPersonalData(JsonElement notice, string name, string idNumber, string phone, Guid residentId)
    {
        var text = notice.ToString();
        foreach (var personal in new[] { name, idNumber, phone, residentId.ToString() })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }
}
