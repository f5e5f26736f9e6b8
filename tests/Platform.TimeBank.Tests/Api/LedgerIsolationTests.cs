using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// Another district's accounts and transfers answer 404 on every endpoint, exactly like ids nobody has; a volunteer sees
/// only their own accounts; staff see the community funds of their own area only.
/// </summary>
public sealed class LedgerIsolationTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task EveryEndpoint_ForAnotherDistrictsAccountOrTransfer_Answers404()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var pending = Guid.CreateVersion7();
        await (await TransferAsync(volunteer, pending, account, to, 10, pending: true)).AssertOkAsync(HttpStatusCode.Created);
        var posted = Guid.CreateVersion7();
        await (await TransferAsync(volunteer, posted, account, to, 10)).AssertOkAsync(HttpStatusCode.Created);
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);
        var otherAccount = await OwnAccountAsync(await _ledger.VolunteerAsync(TimeBankFixture.Other));

        await (await otherAdmin.GetAsync($"/api/timebank/accounts/{account}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await otherAdmin.GetAsync($"/api/timebank/accounts/{account}/postings", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await otherAdmin.PostAsync($"/api/timebank/accounts/{account}/close", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await otherAdmin.GetAsync($"/api/timebank/transfers/{posted}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.transfer_not_found");
        await (await otherAdmin.PostAsync($"/api/timebank/transfers/{pending}/post", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.transfer_not_found");
        await (await otherAdmin.PostAsync($"/api/timebank/transfers/{pending}/void", null, Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.transfer_not_found");
        await (await otherAdmin.PostAsJsonAsync($"/api/timebank/transfers/{posted}/reverse", new { id = Guid.CreateVersion7() }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.transfer_not_found");
        await (await TransferAsync(otherAdmin, Guid.CreateVersion7(), otherAccount, account, 1)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await TransferAsync(otherAdmin, Guid.CreateVersion7(), await IssuanceAsync(otherAdmin), account, 1)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        // The same client id in another district is another transfer, not a replay and not a conflict.
        await (await TransferAsync(otherAdmin, posted, await IssuanceAsync(otherAdmin), otherAccount, 5)).AssertOkAsync(HttpStatusCode.Created);

        var listed = await GetAsync(otherAdmin, "/api/timebank/accounts?pageSize=100");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == account);
        Assert.Equal("pending", (await GetAsync(admin, $"/api/timebank/transfers/{pending}")).GetProperty("status").GetString());
        Assert.Equal(90, await BalanceAsync(volunteer, account));
        await AssertTrialBalanceCleanAsync(otherAdmin);
    }

    [Fact]
    public async Task Settings_OfOneDistrict_DoNotChangeAnothers()
    {
        var admin = await _ledger.AdminAsync();
        var otherAdmin = await _ledger.AdminAsync(TimeBankFixture.Other);

        await (await admin.PutAsJsonAsync("/api/timebank/settings", new { purposes = new[] { new { purpose = "party_service", capMinutes = 1_200, minimumBalanceMinutes = 0, expiryYears = 3, pendingTimeout = "02:00:00" } } }, Cancellation)).AssertOkAsync();

        var own = (await GetAsync(admin, "/api/timebank/settings")).GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "party_service");
        var others = (await GetAsync(otherAdmin, "/api/timebank/settings")).GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "party_service");
        Assert.Equal((1_200, 3), (own.GetProperty("capMinutes").GetInt64(), own.GetProperty("expiryYears").GetInt32()));
        Assert.Equal(90_000, others.GetProperty("capMinutes").GetInt64());
        Assert.Equal("1.00:00:00", others.GetProperty("pendingTimeout").GetString());
    }

    [Fact]
    public async Task Volunteer_SeesAndSpendsOnlyTheirOwnAccounts()
    {
        var admin = await _ledger.AdminAsync();
        var (alice, aliceAccount) = await _ledger.FundedVolunteerAsync(admin, 100);
        var (bob, bobAccount) = await _ledger.FundedVolunteerAsync(admin, 100);

        await (await bob.GetAsync($"/api/timebank/accounts/{aliceAccount}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await bob.GetAsync($"/api/timebank/accounts/{aliceAccount}/postings", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await TransferAsync(bob, Guid.CreateVersion7(), aliceAccount, bobAccount, 10)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await bob.PostAsJsonAsync("/api/timebank/accounts", new { purpose = "volunteer_service", ownerType = "bank", kind = "issuance" }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.not_allowed");
        await (await bob.GetAsync("/api/timebank/ledger/trial-balance", Cancellation)).AssertOkAsync(HttpStatusCode.Forbidden);
        var gift = Guid.CreateVersion7();
        await (await TransferAsync(alice, gift, aliceAccount, bobAccount, 10, memo: "送给邻居")).AssertOkAsync(HttpStatusCode.Created);

        var mine = await GetAsync(bob, "/api/timebank/accounts?owner=me");
        Assert.Equal([bobAccount], mine.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        var everything = await GetAsync(bob, "/api/timebank/accounts?pageSize=100");
        Assert.Equal([bobAccount], everything.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(110, await BalanceAsync(bob, bobAccount));
        // Bob sees the gift (it touches his account) but may not void or post what Alice wrote from hers.
        Assert.Equal("posted", (await GetAsync(bob, $"/api/timebank/transfers/{gift}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommunityFund_IsSeenOnlyInsideTheCallersArea()
    {
        var worker = await fixture.MemberClientAsync(PlatformRoleNames.CommunityWorker, TestTerritory.CommunityA1);
        var otherStreet = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetB);
        var street = await fixture.MemberClientAsync(PlatformRoleNames.StreetAdmin, TestTerritory.StreetA);

        var fund = await OpenAsync(worker, new { purpose = "mutual_aid", ownerType = "community", ownerId = TestTerritory.CommunityA1 });
        await (await worker.PostAsJsonAsync("/api/timebank/accounts", new { purpose = "mutual_aid", ownerType = "community", ownerId = TestTerritory.CommunityA2 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.community_not_found");
        await (await worker.PostAsJsonAsync("/api/timebank/accounts", new { purpose = "mutual_aid", ownerType = "community", ownerId = TestTerritory.OtherCommunity }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.NotFound, "timebank.community_not_found");

        var seen = await GetAsync(street, $"/api/timebank/accounts/{fund}");
        Assert.Equal(("community_fund", "community"), (seen.GetProperty("kind").GetString(), seen.GetProperty("ownerType").GetString()));
        await (await otherStreet.GetAsync($"/api/timebank/accounts/{fund}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        var listed = await GetAsync(otherStreet, "/api/timebank/accounts?ownerType=community&pageSize=100");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == fund);
        await (await worker.GetAsync("/api/timebank/accounts?ownerType=bank", Cancellation)).AssertOkAsync();
        Assert.Empty((await GetAsync(worker, "/api/timebank/accounts?ownerType=bank")).GetProperty("items").EnumerateArray());
    }
}
