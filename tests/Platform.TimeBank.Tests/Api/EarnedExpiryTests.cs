using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

/// <summary>
/// Earned minutes past the district's expiry go to its expiry account, oldest lots first, never the reserved ones. The
/// fixture's clock is its own: it moves on by years.
/// </summary>
public sealed class EarnedExpiryTests(EarnedExpiryFixture fixture) : IClassFixture<EarnedExpiryFixture>
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(366);

    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Expiry_TakesWhatIsLeftOfOldLots_SparesReservedMinutes_AndPurposesWithoutExpiry()
    {
        var admin = await _ledger.AdminAsync();
        await (await admin.PutAsJsonAsync("/api/timebank/settings", new { purposes = new[] { new { purpose = "volunteer_service", capMinutes = 90_000, minimumBalanceMinutes = 0, expiryYears = (int?)2, pendingTimeout = "30.00:00:00" } } }, Cancellation)).AssertOkAsync();
        var (giver, given) = await _ledger.FundedVolunteerAsync(admin, 100);
        var receiver = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var mutualAid = await OwnAccountAsync(giver, "mutual_aid");
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin, "mutual_aid"), mutualAid, 45, purpose: "mutual_aid")).AssertOkAsync(HttpStatusCode.Created);
        await (await TransferAsync(giver, Guid.CreateVersion7(), given, receiver, 30)).AssertOkAsync(HttpStatusCode.Created);

        fixture.Clock.Advance(Year);
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin), given, 50)).AssertOkAsync(HttpStatusCode.Created);
        // Just short of two years after the first lot: nothing is due yet, and the reservation outlives the next step.
        fixture.Clock.Advance(Year - TimeSpan.FromDays(6));
        var reserved = Guid.CreateVersion7();
        await (await TransferAsync(giver, reserved, given, receiver, 100, pending: true)).AssertOkAsync(HttpStatusCode.Created);

        // The first lot (70 left of 100) is due, but only 20 of the giver's 120 minutes are not reserved.
        fixture.Clock.Advance(TimeSpan.FromDays(10));
        await Eventually.HoldsAsync(async () => await BalanceAsync(admin, receiver) == 0 && await BalanceAsync(admin, given) == 100, Cancellation);
        Assert.Equal((100L, 0L), await BalanceAndAvailableAsync(admin, given));

        // Once the reservation is voided, the rest of the first lot goes; the second lot (earned a year later) stays.
        await (await giver.PostAsync($"/api/timebank/transfers/{reserved}/void", null, Cancellation)).AssertOkAsync();
        await Eventually.HoldsAsync(async () => await BalanceAsync(admin, given) == 50, Cancellation);

        var expiry = await ExpiryAccountAsync(admin, "volunteer_service");
        Assert.Equal(100, expiry.GetProperty("balanceMinutes").GetInt64());
        Assert.Equal(45, await BalanceAsync(admin, mutualAid));
        var giverAccount = await GetAsync(admin, $"/api/timebank/accounts/{given}");
        Assert.Equal(150, giverAccount.GetProperty("earnedMinutes").GetInt64());
        await AssertTrialBalanceCleanAsync(admin);

        fixture.Clock.Advance(Year);
        await Eventually.HoldsAsync(async () => await BalanceAsync(admin, given) == 0, Cancellation);
        Assert.Equal(150, (await ExpiryAccountAsync(admin, "volunteer_service")).GetProperty("balanceMinutes").GetInt64());
        await AssertTrialBalanceCleanAsync(admin);
    }

    private static async Task<(long Balance, long Available)> BalanceAndAvailableAsync(HttpClient client, Guid account)
    {
        var seen = await GetAsync(client, $"/api/timebank/accounts/{account}");
        return (seen.GetProperty("balanceMinutes").GetInt64(), seen.GetProperty("availableMinutes").GetInt64());
    }

    private static async Task<JsonElement> ExpiryAccountAsync(HttpClient admin, string purpose) =>
        (await GetAsync(admin, "/api/timebank/accounts?ownerType=bank")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == "expiry" && a.GetProperty("purpose").GetString() == purpose);
}
