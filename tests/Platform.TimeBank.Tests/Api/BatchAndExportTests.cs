using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

public sealed class BatchAndExportTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Batch_WritesEveryItemInOneGo_AndReplaysItemByItem()
    {
        var admin = await _ledger.AdminAsync();
        var issuance = await IssuanceAsync(admin);
        var accounts = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => await OwnAccountAsync(await _ledger.VolunteerAsync())));
        var items = accounts.Select((to, i) => new { id = Guid.CreateVersion7(), purpose = "volunteer_service", from = issuance, to, minutes = 10L * (i + 1) }).ToArray();

        var first = await (await BatchAsync(admin, items)).AssertOkAsync();
        var replayed = await (await BatchAsync(admin, [items[0], new { id = Guid.CreateVersion7(), purpose = "volunteer_service", from = issuance, to = accounts[0], minutes = 5L }])).AssertOkAsync();

        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("created").GetBoolean()));
        Assert.Equal([false, true], replayed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("created").GetBoolean()));
        Assert.Equal(new long[] { 15, 20, 30 }, await Task.WhenAll(accounts.Select(a => BalanceAsync(admin, a))));
        await AssertTrialBalanceCleanAsync(admin);
    }

    [Fact]
    public async Task Batch_WithOneRefusedItem_MovesNothing_AndNamesTheItem()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var id = Guid.CreateVersion7();
        object[] items =
        [
            new { id, purpose = "volunteer_service", from, to, minutes = 60L },
            new { id = Guid.CreateVersion7(), purpose = "volunteer_service", from, to, minutes = 60L },
        ];

        var problem = await (await BatchAsync(volunteer, items)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.insufficient_balance");

        Assert.Contains("Item 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, await BalanceAsync(volunteer, from));
        await (await volunteer.GetAsync($"/api/timebank/transfers/{id}", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.transfer_not_found");
        await (await BatchAsync(volunteer, [items[0], items[0]])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var stranger = await _ledger.VolunteerAsync(TimeBankFixture.Other);
        await (await BatchAsync(stranger, [items[1]])).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
    }

    [Fact]
    public async Task StatementExport_IsACsvOfThePeriodsPostings_WithFormulasNeutralised()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), account, to, 30, memo: "=HYPERLINK(\"x\")")).AssertOkAsync(HttpStatusCode.Created);

        var response = await volunteer.GetAsync($"/api/timebank/accounts/{account}/postings.csv", Cancellation);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancellation);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("sequence,posted_at,transfer_id,amount_minutes,balance_after_minutes,memo", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",-30,70,\"'=HYPERLINK(\"\"x\"\")\"", lines[2], StringComparison.Ordinal);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddYears(50).ToString("O"));
        var later = await volunteer.GetAsync($"/api/timebank/accounts/{account}/postings.csv?from={future}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var empty = Encoding.UTF8.GetString((await later.Content.ReadAsByteArrayAsync(Cancellation)).AsSpan(3));
        Assert.Single(empty.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        await (await (await _ledger.VolunteerAsync()).GetAsync($"/api/timebank/accounts/{account}/postings.csv", Cancellation)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await volunteer.GetAsync($"/api/timebank/accounts/{account}/postings.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.invalid_period");
    }

    private static Task<HttpResponseMessage> BatchAsync(HttpClient client, object[] items) =>
        client.PostAsJsonAsync("/api/timebank/transfers/batch", new { items }, Cancellation);
}
