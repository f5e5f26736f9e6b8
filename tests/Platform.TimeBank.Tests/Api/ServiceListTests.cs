using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// The lists of activities, an activity's shifts and sign-ups, each paged with its total and filtered; another district's
/// activity, shift or node answers 404. Each test lists what its own fresh organiser or volunteer made.
/// </summary>
public sealed class ServiceListTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    private static async Task<Guid> PostActivityAsync(HttpClient organiser, string title, string category, Guid nodeId, string purpose = "volunteer_service") =>
        (await (await organiser.PostAsJsonAsync("/api/timebank/activities", new { title, category, nodeId, purpose }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<Guid> AddShiftAsync(HttpClient organiser, Guid activity, DateTimeOffset startsAt, int minutes = 60, int capacity = 5) =>
        (await (await organiser.PostAsJsonAsync($"/api/timebank/activities/{activity}/shifts", new { startsAt, endsAt = startsAt.AddMinutes(minutes), capacity }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static string[] Titles(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];

    [Fact]
    public async Task ListActivities_ByOrganiserCategoryNodeAndPage_ListsExactlyTheMatching_NewestFirst()
    {
        var organiser = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);
        await PostActivityAsync(organiser, "陪护一", "elderly_care", TestTerritory.CommunityA1);
        await PostActivityAsync(organiser, "陪护二", "elderly_care", TestTerritory.CommunityA2);
        await PostActivityAsync(organiser, "巡逻", "patrol", TestTerritory.CommunityA2, purpose: "party_service");
        var volunteer = await _ledger.VolunteerAsync();

        var mine = await GetAsync(organiser, "/api/timebank/activities?organiser=me");
        var elderlyCare = await GetAsync(organiser, "/api/timebank/activities?organiser=me&category=elderly_care");
        var atA2 = await GetAsync(organiser, $"/api/timebank/activities?organiser=me&nodeId={TestTerritory.CommunityA2}");
        var inStreet = await GetAsync(organiser, $"/api/timebank/activities?organiser=me&nodeId={TestTerritory.StreetA}&purpose=party_service");
        var secondPage = await GetAsync(organiser, "/api/timebank/activities?organiser=me&page=2&pageSize=2");

        Assert.Equal(["巡逻", "陪护二", "陪护一"], Titles(mine));
        Assert.Equal(3, mine.GetProperty("total").GetInt32());
        Assert.Equal(["陪护二", "陪护一"], Titles(elderlyCare));
        Assert.Equal(["巡逻", "陪护二"], Titles(atA2));
        Assert.Equal(["巡逻"], Titles(inStreet));
        Assert.Equal(["陪护一"], Titles(secondPage));
        Assert.Equal((3, 2), (secondPage.GetProperty("total").GetInt32(), secondPage.GetProperty("page").GetInt32()));
        Assert.Contains("陪护一", Titles(await GetAsync(volunteer, $"/api/timebank/activities?nodeId={TestTerritory.CommunityA1}&pageSize=100")));
        Assert.Equal(0, (await GetAsync(volunteer, "/api/timebank/activities?organiser=me")).GetProperty("total").GetInt32());
        await (await organiser.GetAsync("/api/timebank/activities?category=gardening", Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await organiser.GetAsync($"/api/timebank/activities?nodeId={Guid.NewGuid()}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.node_not_found");
    }

    [Fact]
    public async Task ListShifts_OfAnActivity_AreInStartOrderWithSignUps_AndBoundedByFromAndToInAnyOffset()
    {
        var organiser = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var activity = await PostActivityAsync(organiser, "垃圾分类督导", "waste_sorting", TestTerritory.CommunityA1);
        var now = fixture.Clock.GetUtcNow();
        var past = await AddShiftAsync(organiser, activity, now.AddDays(-2));
        var tomorrow = await AddShiftAsync(organiser, activity, now.AddDays(1));
        var nextWeek = await AddShiftAsync(organiser, activity, now.AddDays(7).ToOffset(TimeSpan.FromHours(8)));
        await (await (await _ledger.VolunteerAsync()).PostAsync($"/api/timebank/shifts/{tomorrow}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

        var all = await GetAsync(organiser, $"/api/timebank/activities/{activity}/shifts");
        var upcoming = await GetAsync(organiser, $"/api/timebank/activities/{activity}/shifts?from={Uri.EscapeDataString(now.ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(3).ToOffset(TimeSpan.FromHours(8)).ToString("O"))}");

        Assert.Equal([past, tomorrow, nextWeek], all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal([0, 1, 0], all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("signedUp").GetInt32()));
        Assert.Equal([tomorrow], upcoming.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(1, upcoming.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListSignUps_OfAShiftAndOfTheCaller_ShowTheirState_AndFilterByApproval()
    {
        var organiser = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var activity = await PostActivityAsync(organiser, "课业辅导", "tutoring", TestTerritory.CommunityA1);
        var shift = await AddShiftAsync(organiser, activity, fixture.Clock.GetUtcNow().AddMinutes(-30), minutes: 120);
        var approved = await _ledger.VolunteerAsync();
        var waiting = await _ledger.VolunteerAsync();
        var approvedId = (await (await approved.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("volunteerId").GetString();
        var waitingId = (await (await waiting.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("volunteerId").GetString();
        await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId = approvedId, minutes = (long?)45 } } }, Cancellation)).AssertOkAsync();

        var everyone = await GetAsync(organiser, $"/api/timebank/shifts/{shift}/signups");
        var toApprove = await GetAsync(organiser, $"/api/timebank/shifts/{shift}/signups?approved=false");
        var own = await GetAsync(approved, "/api/timebank/signups");
        var ownToApprove = await GetAsync(approved, "/api/timebank/signups?approved=false");

        Assert.Equal([approvedId, waitingId], everyone.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("volunteerId").GetString()));
        Assert.Equal([waitingId], toApprove.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("volunteerId").GetString()));
        var item = own.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((shift, 45L), (item.GetProperty("shiftId").GetGuid(), item.GetProperty("approvedMinutes").GetInt64()));
        Assert.Equal(0, ownToApprove.GetProperty("total").GetInt32());
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);
        await (await elsewhere.GetAsync($"/api/timebank/shifts/{shift}/signups", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
    }

    [Fact]
    public async Task EveryList_ForAnotherDistrictsActivityShiftOrNode_Answers404()
    {
        var organiser = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var activity = await PostActivityAsync(organiser, "防疫值守", "epidemic_post", TestTerritory.CommunityA1);
        var shift = await AddShiftAsync(organiser, activity, fixture.Clock.GetUtcNow().AddHours(1));
        await (await (await _ledger.VolunteerAsync()).PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);

        await (await otherAdmin.GetAsync($"/api/timebank/activities/{activity}/shifts", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.activity_not_found");
        await (await otherAdmin.GetAsync($"/api/timebank/shifts/{shift}/signups", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await otherAdmin.GetAsync($"/api/timebank/activities?nodeId={TestTerritory.CommunityA1}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.node_not_found");
        Assert.DoesNotContain(activity, (await GetAsync(otherAdmin, "/api/timebank/activities?pageSize=100")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(0, (await GetAsync(await _ledger.VolunteerAsync(TimeBankFixture.Other), "/api/timebank/signups")).GetProperty("total").GetInt32());
    }
}
