using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>A pending transfer past its district's timeout is voided by the sweep. Uses the other district's mutual aid rules alone.</summary>
public sealed class PendingExpiryTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Pending_PastTheDistrictsTimeout_IsVoided_AndItsMinutesAreAvailableAgain()
    {
        var admin = await _ledger.AdminAsync(TimeBankFixture.Other);
        await (await admin.PutAsJsonAsync("/api/timebank/settings", new { purposes = new[] { new { purpose = "mutual_aid", capMinutes = 90_000, minimumBalanceMinutes = 0, expiryYears = (int?)null, pendingTimeout = "00:01:00" } } }, Cancellation)).AssertOkAsync();
        var volunteer = await _ledger.VolunteerAsync(TimeBankFixture.Other);
        var from = await OwnAccountAsync(volunteer, "mutual_aid");
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync(TimeBankFixture.Other), "mutual_aid");
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin, "mutual_aid"), from, 100, purpose: "mutual_aid")).AssertOkAsync(HttpStatusCode.Created);
        var swept = Guid.CreateVersion7();
        var posted = Guid.CreateVersion7();
        await (await TransferAsync(volunteer, swept, from, to, 30, pending: true, purpose: "mutual_aid")).AssertOkAsync(HttpStatusCode.Created);
        await (await TransferAsync(volunteer, posted, from, to, 20, pending: true, purpose: "mutual_aid")).AssertOkAsync(HttpStatusCode.Created);
        await (await volunteer.PostAsync($"/api/timebank/transfers/{posted}/post", null, Cancellation)).AssertOkAsync();

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.HoldsAsync(async () => (await GetAsync(volunteer, $"/api/timebank/transfers/{swept}")).GetProperty("status").GetString() == "voided", Cancellation);
        var account = await GetAsync(volunteer, $"/api/timebank/accounts/{from}");
        Assert.Equal((80, 0, 80), (account.GetProperty("balanceMinutes").GetInt64(), account.GetProperty("pendingMinutes").GetInt64(), account.GetProperty("availableMinutes").GetInt64()));
        Assert.Equal("posted", (await GetAsync(volunteer, $"/api/timebank/transfers/{posted}")).GetProperty("status").GetString());
        await (await volunteer.PostAsync($"/api/timebank/transfers/{swept}/post", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_already_finished");
        await AssertTrialBalanceCleanAsync(admin);
    }
}
