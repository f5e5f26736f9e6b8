using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>The district's rules, checked at the write: a lower cap refuses credits beyond it.</summary>
public sealed class LedgerSettingsTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Settings_Defaults_AreTheDomainsDefaults()
    {
        var settings = await GetAsync(await _ledger.AdminAsync(TimeBankFixture.Other), "/api/timebank/settings");

        var service = settings.GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "volunteer_service");
        Assert.Equal(90_000, service.GetProperty("capMinutes").GetInt64());
        Assert.Equal(0, service.GetProperty("minimumBalanceMinutes").GetInt64());
        Assert.Equal("1.00:00:00", service.GetProperty("pendingTimeout").GetString());
    }

    [Fact]
    public async Task Transfer_BeyondTheDistrictsCap_IsRefusedWithCapExceeded()
    {
        // In the other district: the main district's mutual-aid accounts fund exchanges in tests running alongside.
        var admin = await _ledger.AdminAsync(TimeBankFixture.Other);
        await (await admin.PutAsJsonAsync("/api/timebank/settings", new { purposes = new[] { new { purpose = "mutual_aid", capMinutes = 120, minimumBalanceMinutes = 0, expiryYears = (int?)null, pendingTimeout = "01:00:00" } } }, Cancellation)).AssertOkAsync();
        var account = await OwnAccountAsync(await _ledger.VolunteerAsync(TimeBankFixture.Other), "mutual_aid");
        var issuance = await IssuanceAsync(admin, "mutual_aid");

        await (await TransferAsync(admin, Guid.CreateVersion7(), issuance, account, 120, purpose: "mutual_aid")).AssertOkAsync(HttpStatusCode.Created);
        await (await TransferAsync(admin, Guid.CreateVersion7(), issuance, account, 1, purpose: "mutual_aid")).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.cap_exceeded");

        Assert.Equal(120, await BalanceAsync(admin, account));
    }

    [Fact]
    public async Task Settings_WithTheMinimumAboveTheCap_AreRefused_AndChangeNothing()
    {
        var admin = await _ledger.AdminAsync();

        await (await admin.PutAsJsonAsync("/api/timebank/settings", new { purposes = new[] { new { purpose = "volunteer_service", capMinutes = 100, minimumBalanceMinutes = 200, expiryYears = (int?)null, pendingTimeout = "01:00:00" } } }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var service = (await GetAsync(admin, "/api/timebank/settings")).GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "volunteer_service");
        Assert.Equal(90_000, service.GetProperty("capMinutes").GetInt64());
    }
}
