using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.MultiTenancy;
using Platform.Testing;

namespace Platform.TimeBank.Tests.Api;

/// <summary>The ledger's HTTP API as the tests call it: clients by role, accounts opened and funded, transfers written.</summary>
internal sealed class LedgerClient(TimeBankFixture fixture)
{
    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public Task<HttpClient> AdminAsync(TenantInfo? tenant = null) => fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: tenant);

    public Task<HttpClient> VolunteerAsync(TenantInfo? tenant = null) => fixture.MemberClientAsync(PlatformRoleNames.Volunteer, tenant: tenant);

    /// <summary>Opens (or finds) an account and answers its id.</summary>
    public static async Task<Guid> OpenAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/timebank/accounts", body, Cancellation);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
    }

    public static Task<Guid> IssuanceAsync(HttpClient admin, string purpose = "volunteer_service") =>
        OpenAsync(admin, new { purpose, ownerType = "bank", kind = "issuance" });

    public static Task<Guid> OwnAccountAsync(HttpClient volunteer, string purpose = "volunteer_service") => OpenAsync(volunteer, new { purpose });

    public static Task<HttpResponseMessage> TransferAsync(HttpClient client, Guid id, Guid from, Guid to, long minutes, bool pending = false, string purpose = "volunteer_service", string? memo = null) =>
        client.PostAsJsonAsync("/api/timebank/transfers", new { id, purpose, from, to, minutes, memo, pending }, Cancellation);

    /// <summary>A volunteer with an account holding <paramref name="minutes"/> issued by the district.</summary>
    public async Task<(HttpClient Volunteer, Guid Account)> FundedVolunteerAsync(HttpClient admin, long minutes)
    {
        var volunteer = await VolunteerAsync();
        var account = await OwnAccountAsync(volunteer);
        await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin), account, minutes)).AssertOkAsync(HttpStatusCode.Created);
        return (volunteer, account);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string uri) => await (await client.GetAsync(uri, Cancellation)).AssertOkAsync();

    public static async Task<long> BalanceAsync(HttpClient client, Guid account) => (await GetAsync(client, $"/api/timebank/accounts/{account}")).GetProperty("balanceMinutes").GetInt64();

    public static async Task AssertTrialBalanceCleanAsync(HttpClient admin)
    {
        var trial = await GetAsync(admin, "/api/timebank/ledger/trial-balance");
        Assert.Equal(0, trial.GetProperty("sumMinutes").GetInt64());
        Assert.Equal(0, trial.GetProperty("postingsSumMinutes").GetInt64());
        Assert.Empty(trial.GetProperty("mismatches").EnumerateArray());
    }
}
