using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

public sealed class ExchangeTests(TimeBankFixture fixture)
{
    private const string MutualAid = "mutual_aid";

    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Request_AcceptedDoneAndConfirmed_PaysTheProviderFromTheReceiver_ReservedUntilConfirmed()
    {
        var admin = await _ledger.AdminAsync();
        var (receiver, receiverAccount) = await FundedAsync(admin, 200);
        var provider = await _ledger.VolunteerAsync();

        var posted = await PostAsync(receiver, "request", 90);
        var id = posted.GetProperty("id").GetGuid();
        var accepted = await StepAsync(provider, id, "accept");

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var reserved = await GetAsync(receiver, $"/api/timebank/accounts/{receiverAccount}");
        Assert.Equal((200, 90, 110), (reserved.GetProperty("balanceMinutes").GetInt64(), reserved.GetProperty("pendingMinutes").GetInt64(), reserved.GetProperty("availableMinutes").GetInt64()));
        await (await Step(receiver, id, "confirm")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.exchange_invalid_step");
        await (await Step(receiver, id, "done")).AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.exchange_not_a_party");
        await StepAsync(provider, id, "done");
        await (await Step(provider, id, "confirm")).AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.exchange_not_a_party");
        var confirmed = await StepAsync(receiver, id, "confirm");

        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        var payee = confirmed.GetProperty("payeeAccountId").GetGuid();
        Assert.Equal(90, await BalanceAsync(provider, payee));
        Assert.Equal(110, await BalanceAsync(receiver, receiverAccount));
        Assert.Equal("posted", (await GetAsync(provider, $"/api/timebank/transfers/{id}")).GetProperty("status").GetString());
        await (await Step(receiver, id, "confirm")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.exchange_invalid_step");
        Assert.Equal(110, await BalanceAsync(receiver, receiverAccount));
        await AssertTrialBalanceCleanAsync(admin);
    }

    [Fact]
    public async Task Offer_AcceptedThenCancelled_ReleasesTheReservation_AndMovesNothing()
    {
        var admin = await _ledger.AdminAsync();
        var (receiver, receiverAccount) = await FundedAsync(admin, 60);
        var provider = await _ledger.VolunteerAsync();
        var id = (await PostAsync(provider, "offer", 60)).GetProperty("id").GetGuid();

        await (await Step(provider, id, "accept")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.exchange_own");
        var accepted = await StepAsync(receiver, id, "accept");
        Assert.Equal(accepted.GetProperty("payerAccountId").GetGuid(), receiverAccount);
        Assert.Equal(0, (await GetAsync(receiver, $"/api/timebank/accounts/{receiverAccount}")).GetProperty("availableMinutes").GetInt64());
        var cancelled = await StepAsync(provider, id, "cancel");

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(cancelled.GetProperty("finishedBy").GetString()));
        var after = await GetAsync(receiver, $"/api/timebank/accounts/{receiverAccount}");
        Assert.Equal((60, 0), (after.GetProperty("balanceMinutes").GetInt64(), after.GetProperty("pendingMinutes").GetInt64()));
        Assert.Equal("voided", (await GetAsync(receiver, $"/api/timebank/transfers/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Accept_WhenTheReceiverCannotAfford_Answers409_AndTheExchangeStaysOpen()
    {
        var provider = await _ledger.VolunteerAsync();
        var poor = await _ledger.VolunteerAsync();
        var id = (await PostAsync(provider, "offer", 30)).GetProperty("id").GetGuid();

        await (await Step(poor, id, "accept")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.insufficient_balance");

        Assert.Equal("open", (await GetAsync(poor, $"/api/timebank/exchanges/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dispute_IsSettledByTheCommunitysCoordinator_NotByAPartyNorStaffOfAnotherCommunity()
    {
        var admin = await _ledger.AdminAsync();
        var (receiver, receiverAccount) = await FundedAsync(admin, 100);
        var provider = await _ledger.VolunteerAsync();
        var id = (await PostAsync(receiver, "request", 40)).GetProperty("id").GetGuid();
        await StepAsync(provider, id, "accept");
        await StepAsync(provider, id, "done");

        await (await provider.PostAsJsonAsync($"/api/timebank/exchanges/{id}/dispute", new { reason = "" }, Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var disputed = await (await receiver.PostAsJsonAsync($"/api/timebank/exchanges/{id}/dispute", new { reason = "没有来" }, Cancellation)).AssertOkAsync();
        Assert.Equal("disputed", disputed.GetProperty("status").GetString());
        await (await Step(receiver, id, "confirm")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.exchange_invalid_step");
        var elsewhere = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityB1);
        await (await elsewhere.PostAsJsonAsync($"/api/timebank/exchanges/{id}/settle", new { payProvider = true }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.exchange_not_a_party");
        var coordinator = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var settled = await (await coordinator.PostAsJsonAsync($"/api/timebank/exchanges/{id}/settle", new { payProvider = false, note = "双方确认未服务" }, Cancellation)).AssertOkAsync();

        Assert.Equal(("cancelled", "双方确认未服务"), (settled.GetProperty("status").GetString(), settled.GetProperty("resolutionNote").GetString()));
        Assert.Equal(100, (await GetAsync(receiver, $"/api/timebank/accounts/{receiverAccount}")).GetProperty("availableMinutes").GetInt64());
    }

    [Fact]
    public async Task CommunityNeed_IsPostedByStaff_PaidFromTheFundOnTheCoordinatorsApproval_WithTheTrail()
    {
        var admin = await _ledger.AdminAsync();
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var fund = await OpenAsync(worker, new { purpose = MutualAid, ownerType = "community", ownerId = TestTerritory.CommunityA1 });
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin, MutualAid), fund, 500, purpose: MutualAid)).AssertOkAsync(HttpStatusCode.Created);
        var resident = await _ledger.VolunteerAsync();
        await (await resident.PostAsJsonAsync("/api/timebank/exchanges", Body("community_need", 120), Cancellation)).AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.exchange_not_a_party");
        var id = (await PostAsync(worker, "community_need", 120)).GetProperty("id").GetGuid();
        var helper = await _ledger.VolunteerAsync();

        var accepted = await StepAsync(helper, id, "accept");
        Assert.Equal(fund, accepted.GetProperty("payerAccountId").GetGuid());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("receiverId").ValueKind);
        await StepAsync(helper, id, "done");
        await (await Step(helper, id, "confirm")).AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.exchange_not_a_party");
        var approved = await StepAsync(worker, id, "confirm");

        Assert.Equal("confirmed", approved.GetProperty("status").GetString());
        Assert.Equal(approved.GetProperty("postedBy").GetString(), approved.GetProperty("finishedBy").GetString());
        Assert.Equal(380, await BalanceAsync(worker, fund));
        Assert.Equal(120, await BalanceAsync(helper, approved.GetProperty("payeeAccountId").GetGuid()));
        var spending = await GetAsync(worker, $"/api/timebank/exchanges?kind=community_need&status=confirmed&nodeId={TestTerritory.CommunityA1}&pageSize=100");
        Assert.Contains(spending.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        await AssertTrialBalanceCleanAsync(admin);
    }

    [Fact]
    public async Task Exchanges_OfAnotherDistrict_AnswerNotFound_AndBadInputIsRefused()
    {
        var provider = await _ledger.VolunteerAsync();
        var id = (await PostAsync(provider, "offer", 30)).GetProperty("id").GetGuid();
        var stranger = await _ledger.VolunteerAsync(TimeBankFixture.Other);

        await (await stranger.GetAsync($"/api/timebank/exchanges/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.exchange_not_found");
        await (await Step(stranger, id, "accept")).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.exchange_not_found");
        var theirs = await GetAsync(stranger, "/api/timebank/exchanges?pageSize=100");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        await (await stranger.PostAsJsonAsync("/api/timebank/exchanges", Body("offer", 30), Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.community_not_found");
        await (await provider.PostAsJsonAsync("/api/timebank/exchanges", Body("offer", 0), Cancellation)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await provider.PostAsJsonAsync("/api/timebank/exchanges", new { kind = "offer", category = "errands", description = "半", minutes = 1.5, nodeId = TestTerritory.CommunityA1 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<(HttpClient Volunteer, Guid Account)> FundedAsync(HttpClient admin, long minutes)
    {
        var volunteer = await _ledger.VolunteerAsync();
        var account = await OwnAccountAsync(volunteer, MutualAid);
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin, MutualAid), account, minutes, purpose: MutualAid)).AssertOkAsync(HttpStatusCode.Created);
        return (volunteer, account);
    }

    private static object Body(string kind, double minutes) =>
        new { kind, category = "errands", description = "帮忙买菜", minutes, nodeId = TestTerritory.CommunityA1 };

    private static async Task<JsonElement> PostAsync(HttpClient client, string kind, long minutes) =>
        await (await client.PostAsJsonAsync("/api/timebank/exchanges", Body(kind, minutes), Cancellation)).AssertOkAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string step) =>
        client.PostAsync($"/api/timebank/exchanges/{id}/{step}", null, Cancellation);

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string step) => await (await Step(client, id, step)).AssertOkAsync();
}
