using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.TimeBank.Contracts;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// Clearing between the demo district and the other one through the real broker and the outbox: both districts live in
/// the one service under test, and talk only by events addressed to each other's tenant. The tests share the two
/// districts' clearing accounts, so xunit runs them one after another (one class).
/// </summary>
public sealed class ClearingTests(TimeBankFixture fixture)
{
    private static readonly string OtherDistrict = TimeBankFixture.Other.Identifier;

    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Move_ToAnotherDistrict_DebitsHere_CreditsThere_AndBothSidesReconcile()
    {
        var admin = await _ledger.AdminAsync();
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 600);
        var userId = await OwnerAsync(volunteer, account);
        var id = Guid.CreateVersion7();

        var accepted = await (await RequestAsync(volunteer, id, 200)).AssertOkAsync(HttpStatusCode.Accepted);
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        var done = await CompletedAsync(volunteer, id);

        Assert.Equal("outgoing", done.GetProperty("direction").GetString());
        Assert.Equal(400, await BalanceAsync(volunteer, account));
        var theirs = await OtherAccountOfAsync(otherAdmin, userId);
        Assert.Equal(200, theirs.GetProperty("balanceMinutes").GetInt64());
        Assert.Equal("incoming", (await GetAsync(otherAdmin, $"/api/timebank/clearing/transfers/{id}")).GetProperty("direction").GetString());
        await (await RequestAsync(volunteer, id, 200)).AssertOkAsync(HttpStatusCode.Accepted);
        await (await RequestAsync(volunteer, id, 201)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_exists_with_different_fields");
        Assert.Equal(400, await BalanceAsync(volunteer, account));
        await AssertReconciledAsync(admin, OtherDistrict);
        await AssertReconciledAsync(otherAdmin, TimeBankFixture.Demo.Identifier);
        await AssertTrialBalanceCleanAsync(admin);
        await AssertTrialBalanceCleanAsync(otherAdmin);
    }

    [Fact]
    public async Task DuplicatedAndReorderedDeliveries_ApplyEachMoveOnce_AndLeaveTheDistrictsReconciled()
    {
        var admin = await _ledger.AdminAsync();
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 300);
        var userId = await OwnerAsync(volunteer, account);
        var id = Guid.CreateVersion7();
        await (await RequestAsync(volunteer, id, 120)).AssertOkAsync(HttpStatusCode.Accepted);
        await CompletedAsync(volunteer, id);
        var request = await fixture.RecordedAsync<ClearingTransferRequestedIntegrationEvent>(e => e.ClearingTransferId == id);
        var answer = await fixture.RecordedAsync<ClearingTransferAnsweredIntegrationEvent>(e => e.ClearingTransferId == id);
        var report = await fixture.RecordedAsync<ClearingBalanceReportedIntegrationEvent>(e => e.TenantId == TimeBankFixture.Demo.Id);

        // The same messages again (as after a consumer killed before its ack), the same facts under new envelopes, a
        // contradicting late answer, and an out-of-date balance report arriving after newer ones.
        var cancellation = Cancellation;
        await fixture.Bus.Publish(request, cancellation);
        await fixture.Bus.Publish(request with { EventId = Guid.CreateVersion7() }, cancellation);
        await fixture.Bus.Publish(answer, cancellation);
        await fixture.Bus.Publish(answer with { EventId = Guid.CreateVersion7(), Accepted = false, RefusalCode = "timebank.cap_exceeded", Reason = "late" }, cancellation);
        await fixture.Bus.Publish(report with { EventId = Guid.CreateVersion7(), Version = 0, ClearingMinutes = 999_999 }, cancellation);
        // A later move through the same accounts: once it completes, everything published before it was consumed too.
        var marker = Guid.CreateVersion7();
        await (await RequestAsync(volunteer, marker, 1)).AssertOkAsync(HttpStatusCode.Accepted);
        await CompletedAsync(volunteer, marker);

        Assert.Equal("completed", (await GetAsync(volunteer, $"/api/timebank/clearing/transfers/{id}")).GetProperty("status").GetString());
        Assert.Equal(179, await BalanceAsync(volunteer, account));
        Assert.Equal(121, (await OtherAccountOfAsync(otherAdmin, userId)).GetProperty("balanceMinutes").GetInt64());
        await AssertReconciledAsync(admin, OtherDistrict);
        await AssertReconciledAsync(otherAdmin, TimeBankFixture.Demo.Identifier);
        await AssertTrialBalanceCleanAsync(admin);
        await AssertTrialBalanceCleanAsync(otherAdmin);
    }

    [Fact]
    public async Task Refusal_ByTheReceiver_VoidsTheReservation_WithItsReason()
    {
        var admin = await _ledger.AdminAsync();
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 100);
        var userId = await OwnerAsync(volunteer, account);
        // The receiver closed the user's account there: a credit into it is refused.
        var closed = await OpenAsync(otherAdmin, new { purpose = "volunteer_service", ownerId = userId });
        await (await otherAdmin.PostAsync($"/api/timebank/accounts/{closed}/close", null, Cancellation)).AssertOkAsync();
        var id = Guid.CreateVersion7();

        await (await RequestAsync(volunteer, id, 60)).AssertOkAsync(HttpStatusCode.Accepted);
        var rejected = await StatusAsync(volunteer, id, "rejected");

        Assert.Equal("timebank.account_closed", rejected.GetProperty("refusalCode").GetString());
        var after = await GetAsync(volunteer, $"/api/timebank/accounts/{account}");
        Assert.Equal((100, 0), (after.GetProperty("balanceMinutes").GetInt64(), after.GetProperty("pendingMinutes").GetInt64()));
        Assert.Equal("voided", (await GetAsync(volunteer, $"/api/timebank/transfers/{id}")).GetProperty("status").GetString());
        await AssertReconciledAsync(admin, OtherDistrict);
    }

    [Fact]
    public async Task Requests_AreRefusedWhenBad_AndSeenOnlyByTheUserAndAdmins()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 50);
        var stranger = await _ledger.VolunteerAsync();
        var id = Guid.CreateVersion7();

        await (await RequestAsync(volunteer, Guid.CreateVersion7(), 51)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.insufficient_balance");
        await (await RequestAsync(volunteer, Guid.CreateVersion7(), 10, toDistrict: "nowhere")).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.district_not_found");
        await (await RequestAsync(volunteer, Guid.CreateVersion7(), 10, toDistrict: TimeBankFixture.Demo.Identifier)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.district_not_found");
        await (await RequestAsync(volunteer, Guid.CreateVersion7(), 0)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await RequestAsync(stranger, Guid.CreateVersion7(), 10, userId: await OwnerAsync(volunteer, account))).AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.not_allowed");
        await (await RequestAsync(volunteer, id, 10)).AssertOkAsync(HttpStatusCode.Accepted);
        await CompletedAsync(volunteer, id);

        await (await stranger.GetAsync($"/api/timebank/clearing/transfers/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.clearing_transfer_not_found");
        await (await (await _ledger.VolunteerAsync(TimeBankFixture.Other)).GetAsync($"/api/timebank/clearing/transfers/{id}", Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.clearing_transfer_not_found");
        await (await volunteer.GetAsync("/api/timebank/clearing/reconciliation", Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, Guid id, long minutes, string? toDistrict = null, string? userId = null) =>
        client.PostAsJsonAsync("/api/timebank/clearing/transfers", new { id, toDistrict = toDistrict ?? OtherDistrict, userId, purpose = "volunteer_service", minutes }, Cancellation);

    private static async Task<string> OwnerAsync(HttpClient client, Guid account) => (await GetAsync(client, $"/api/timebank/accounts/{account}")).GetProperty("ownerId").GetString()!;

    private static Task<JsonElement> CompletedAsync(HttpClient client, Guid id) => StatusAsync(client, id, "completed");

    // The receiver answers by event: poll this side until it is finished, and fail at once if it finished otherwise.
    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id, string expected)
    {
        await Eventually.HoldsAsync(async () => (await GetAsync(client, $"/api/timebank/clearing/transfers/{id}")).GetProperty("status").GetString() != "pending", Cancellation);
        var seen = await GetAsync(client, $"/api/timebank/clearing/transfers/{id}");
        Assert.Equal(expected, seen.GetProperty("status").GetString());
        return seen;
    }

    private static async Task<JsonElement> OtherAccountOfAsync(HttpClient otherAdmin, string userId)
    {
        var page = await GetAsync(otherAdmin, "/api/timebank/accounts?ownerType=volunteer&purpose=volunteer_service&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("ownerId").GetString() == userId && a.GetProperty("closedAt").ValueKind == JsonValueKind.Null);
    }

    // The counterparty's last report arrives by event, so the two sides agree once it has.
    private static Task AssertReconciledAsync(HttpClient admin, string counterparty) => Eventually.HoldsAsync(async () =>
    {
        var items = (await GetAsync(admin, "/api/timebank/clearing/reconciliation")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("counterparty").GetString() == counterparty).ToList();
        return items.Count > 0 && items.All(i => i.GetProperty("difference").GetInt64() == 0 && !i.GetProperty("flagged").GetBoolean()
            && i.GetProperty("inFlight").GetArrayLength() == 0);
    }, Cancellation);
}
