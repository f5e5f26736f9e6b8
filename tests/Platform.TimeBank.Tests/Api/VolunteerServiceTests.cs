using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using Platform.TimeBank.Contracts;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// Activities, shifts, sign-ups, the rotating check-in code and approvals that credit the minutes and publish the
/// service record through the outbox to RabbitMQ. The tests move the service's clock forward a few minutes at most.
/// </summary>
public sealed class VolunteerServiceTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    private async Task<(HttpClient Organiser, Guid Activity, Guid Shift)> ShiftAsync(int capacity = 10, int startedMinutesAgo = 1, int lastsMinutes = 20)
    {
        var organiser = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var activity = await (await organiser.PostAsJsonAsync("/api/timebank/activities",
            new { title = "敬老院陪护", category = "elderly_care", nodeId = TestTerritory.CommunityA1, purpose = "volunteer_service", place = "东一社区养老驿站" }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        var now = fixture.Clock.GetUtcNow();
        var shift = await (await organiser.PostAsJsonAsync($"/api/timebank/activities/{activity.GetProperty("id").GetGuid()}/shifts",
            new { startsAt = now.AddMinutes(-startedMinutesAgo), endsAt = now.AddMinutes(lastsMinutes - startedMinutesAgo), capacity }, Cancellation))
            .AssertOkAsync(HttpStatusCode.Created);
        return (organiser, activity.GetProperty("id").GetGuid(), shift.GetProperty("id").GetGuid());
    }

    private static async Task<string> CodeAsync(HttpClient organiser, Guid shift) =>
        (await GetAsync(organiser, $"/api/timebank/shifts/{shift}/code")).GetProperty("code").GetString()!;

    private static Task<HttpResponseMessage> AttendAsync(HttpClient volunteer, Guid shift, string what, string code) =>
        volunteer.PostAsJsonAsync($"/api/timebank/shifts/{shift}/{what}", new { code }, Cancellation);

    [Fact]
    public async Task Approval_OfACheckedOutVolunteer_CreditsTheMeasuredMinutes_AndPublishesTheServiceRecord()
    {
        var (organiser, activity, shift) = await ShiftAsync();
        var volunteer = await _ledger.VolunteerAsync();
        var signUp = await (await volunteer.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var volunteerId = signUp.GetProperty("volunteerId").GetString()!;
        await (await AttendAsync(volunteer, shift, "checkin", await CodeAsync(organiser, shift))).AssertOkAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await AttendAsync(volunteer, shift, "checkout", await CodeAsync(organiser, shift))).AssertOkAsync();

        var approved = await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId, minutes = (long?)null } } }, Cancellation)).AssertOkAsync();

        var item = approved.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(10, item.GetProperty("minutes").GetInt64());
        var account = await GetAsync(volunteer, $"/api/timebank/accounts/{item.GetProperty("accountId").GetGuid()}");
        Assert.Equal((10, 10), (account.GetProperty("balanceMinutes").GetInt64(), account.GetProperty("earnedMinutes").GetInt64()));
        var recordId = item.GetProperty("recordId").GetGuid();
        var recorded = await fixture.RecordedAsync<VolunteerServiceRecordedIntegrationEvent>(e => e.RecordId == recordId);
        Assert.Equal((TimeBankFixture.Demo.Id, volunteerId, activity, shift), (recorded.TenantId, recorded.UserId, recorded.ActivityId, recorded.ShiftId));
        Assert.Equal(("elderly_care", ServicePurposeNames.VolunteerService, 10L, TestTerritory.CommunityA1), (recorded.Category, recorded.Purpose, recorded.Minutes, recorded.NodeId));
        Assert.Equal("posted", (await GetAsync(volunteer, $"/api/timebank/transfers/{recorded.TransferId}")).GetProperty("status").GetString());
        await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId, minutes = (long?)5 } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "timebank.already_approved");
    }

    [Fact]
    public async Task Reverse_OfAServiceRecordsCredit_TakesTheMinutesBack_AndPublishesTheReversalOfTheRecord()
    {
        var (organiser, _, shift) = await ShiftAsync(lastsMinutes: 30);
        var volunteer = await _ledger.VolunteerAsync();
        var volunteerId = (await (await volunteer.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("volunteerId").GetString()!;
        var item = (await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId, minutes = (long?)25 } } }, Cancellation))
            .AssertOkAsync()).GetProperty("items")[0];
        var recordId = item.GetProperty("recordId").GetGuid();
        var admin = await _ledger.AdminAsync();
        var reversalId = Guid.CreateVersion7();

        await (await admin.PostAsJsonAsync($"/api/timebank/transfers/{recordId}/reverse", new { id = reversalId, memo = "误记：未到岗" }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);

        var reversed = await fixture.RecordedAsync<VolunteerServiceRecordReversedIntegrationEvent>(e => e.RecordId == recordId);
        Assert.Equal((TimeBankFixture.Demo.Id, volunteerId, 25L, reversalId), (reversed.TenantId, reversed.UserId, reversed.Minutes, reversed.ReversalTransferId));
        Assert.Equal(0, await BalanceAsync(volunteer, item.GetProperty("accountId").GetGuid()));
        await (await admin.PostAsJsonAsync($"/api/timebank/transfers/{recordId}/reverse", new { id = reversalId, memo = "误记：未到岗" }, Cancellation)).AssertOkAsync();
    }

    [Fact]
    public async Task Approval_OfMoreMinutesThanTheShift_Is400_AndCreditsNothing()
    {
        var (organiser, _, shift) = await ShiftAsync(lastsMinutes: 20);
        var volunteer = await _ledger.VolunteerAsync();
        var volunteerId = (await (await volunteer.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created)).GetProperty("volunteerId").GetString();

        await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId, minutes = (long?)21 } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.minutes_beyond_shift");
        var given = await (await organiser.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId, minutes = (long?)20 } } }, Cancellation)).AssertOkAsync();

        Assert.Equal(20, given.GetProperty("items")[0].GetProperty("minutes").GetInt64());
        Assert.Equal([20L], (await GetAsync(volunteer, "/api/timebank/accounts?owner=me")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("balanceMinutes").GetInt64()));
    }

    [Fact]
    public async Task SignUp_FiveAtOnceForTwoPlaces_SignsUpTwo_AndRefusesTheRestAsFull()
    {
        var (_, _, shift) = await ShiftAsync(capacity: 2);
        var volunteers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _ledger.VolunteerAsync()));

        var answers = await Task.WhenAll(volunteers.Select(v => v.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "timebank.shift_full");
        }

        Assert.Equal(2, (await GetAsync(volunteers[0], $"/api/timebank/shifts/{shift}")).GetProperty("signedUp").GetInt32());
    }

    [Fact]
    public async Task CheckIn_WithAStaleCodeOrAnotherShiftsCode_Is400_AndWithTheCurrentCodeSucceeds()
    {
        var (organiser, _, shift) = await ShiftAsync();
        var (_, _, otherShift) = await ShiftAsync();
        var volunteer = await _ledger.VolunteerAsync();
        await (await volunteer.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        var stale = await CodeAsync(organiser, shift);
        var code = await GetAsync(organiser, $"/api/timebank/shifts/{shift}/code");

        await (await AttendAsync(volunteer, shift, "checkin", await CodeAsync(organiser, otherShift))).AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.invalid_code");
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var fresh = await CodeAsync(organiser, shift);
        await (await AttendAsync(volunteer, shift, "checkin", stale)).AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.invalid_code");

        await (await AttendAsync(volunteer, shift, "checkout", fresh)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.check_in_order");
        var checkedIn = await (await AttendAsync(volunteer, shift, "checkin", fresh)).AssertOkAsync();

        Assert.Matches("^[0-9]{6}$", code.GetProperty("code").GetString());
        Assert.NotEqual(JsonValueKind.Null, checkedIn.GetProperty("checkedInAt").ValueKind);
        await (await volunteer.GetAsync($"/api/timebank/shifts/{shift}/code", Cancellation)).AssertOkAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryServiceEndpoint_ForAnotherDistrictsActivityOrShift_Answers404()
    {
        var (organiser, activity, shift) = await ShiftAsync();
        var otherWorker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.OtherCommunity, TimeBankFixture.Other);
        var otherVolunteer = await _ledger.VolunteerAsync(TimeBankFixture.Other);
        var code = await CodeAsync(organiser, shift);

        await (await otherVolunteer.GetAsync($"/api/timebank/activities/{activity}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.activity_not_found");
        await (await otherWorker.PostAsJsonAsync($"/api/timebank/activities/{activity}/shifts", new { startsAt = DateTimeOffset.UtcNow, endsAt = DateTimeOffset.UtcNow.AddHours(1), capacity = 1 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.activity_not_found");
        await (await otherVolunteer.GetAsync($"/api/timebank/shifts/{shift}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await otherVolunteer.PostAsync($"/api/timebank/shifts/{shift}/signups", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await otherWorker.GetAsync($"/api/timebank/shifts/{shift}/code", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await AttendAsync(otherVolunteer, shift, "checkin", code)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await AttendAsync(otherVolunteer, shift, "checkout", code)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await otherWorker.PostAsJsonAsync($"/api/timebank/shifts/{shift}/approvals", new { items = new[] { new { volunteerId = "x", minutes = (long?)1 } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
        await (await otherWorker.PostAsJsonAsync("/api/timebank/activities", new { title = "巡逻", category = "patrol", nodeId = TestTerritory.CommunityA1 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.node_not_found");
        // Inside the district, an organiser of another community does not manage this shift either.
        var neighbour = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA2);
        await (await neighbour.GetAsync($"/api/timebank/shifts/{shift}/code", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.shift_not_found");
    }
}
