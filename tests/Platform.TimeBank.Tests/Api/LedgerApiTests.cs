using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Platform.Testing;
using static Platform.TimeBank.Tests.Api.LedgerClient;

namespace Platform.TimeBank.Tests.Api;

public sealed class LedgerApiTests(TimeBankFixture fixture)
{
    private readonly LedgerClient _ledger = new(fixture);

    [Fact]
    public async Task Transfer_FromIssuanceToAVolunteer_PostsTwoPostings_AndTheVolunteerSeesBalanceEarnedAndStatement()
    {
        var admin = await _ledger.AdminAsync();
        var volunteer = await _ledger.VolunteerAsync();
        var account = await OwnAccountAsync(volunteer);

        var created = await (await TransferAsync(admin, Guid.CreateVersion7(), await IssuanceAsync(admin), account, 6_000, memo: "敬老院 服务")).AssertOkAsync(HttpStatusCode.Created);

        Assert.Equal("posted", created.GetProperty("status").GetString());
        var seen = await GetAsync(volunteer, $"/api/timebank/accounts/{account}");
        Assert.Equal(6_000, seen.GetProperty("balanceMinutes").GetInt64());
        Assert.Equal(6_000, seen.GetProperty("availableMinutes").GetInt64());
        Assert.Equal(6_000, seen.GetProperty("earnedMinutes").GetInt64());
        Assert.Equal(1, seen.GetProperty("starLevel").GetInt32());
        Assert.Equal("personal", seen.GetProperty("kind").GetString());
        var statement = await GetAsync(volunteer, $"/api/timebank/accounts/{account}/postings");
        var posting = Assert.Single(statement.GetProperty("items").EnumerateArray());
        Assert.Equal(6_000, posting.GetProperty("balanceAfterMinutes").GetInt64());
        Assert.Equal("敬老院 服务", posting.GetProperty("memo").GetString());
        await AssertTrialBalanceCleanAsync(admin);
    }

    [Fact]
    public async Task Transfer_ReplayedWithTheSameFields_Answers200WithTheOriginal_AndWithOtherFields409()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var id = Guid.CreateVersion7();

        await (await TransferAsync(volunteer, id, from, to, 30, memo: "first")).AssertOkAsync(HttpStatusCode.Created);
        var replay = await (await TransferAsync(volunteer, id, from, to, 30, memo: "memo is not compared")).AssertOkAsync();
        await (await TransferAsync(volunteer, id, from, to, 31)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_exists_with_different_fields");
        await (await TransferAsync(volunteer, id, from, to, 30, pending: true)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_exists_with_different_fields");

        Assert.Equal("first", replay.GetProperty("memo").GetString());
        Assert.Equal(70, await BalanceAsync(volunteer, from));
    }

    [Fact]
    public async Task Transfer_TwentyConcurrentRequestsWithOneId_WriteOneTransfer()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var id = Guid.CreateVersion7();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TransferAsync(volunteer, id, from, to, 10)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Equal(90, await BalanceAsync(volunteer, from));
    }

    [Fact]
    public async Task Transfer_HundredConcurrentDebitsOfOneAccount_NeverTakeItBelowItsMinimum()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 50);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => TransferAsync(volunteer, Guid.CreateVersion7(), from, to, 1)));

        Assert.Equal(50, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "timebank.insufficient_balance");
        }

        Assert.Equal(0, await BalanceAsync(volunteer, from));
        await AssertTrialBalanceCleanAsync(admin);
    }

    [Fact]
    public async Task Pending_ReservesTheMinutes_PostMovesThem_AndASecondFinishIs409()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var id = Guid.CreateVersion7();

        var pending = await (await TransferAsync(volunteer, id, from, to, 60, pending: true)).AssertOkAsync(HttpStatusCode.Created);
        var reserved = await GetAsync(volunteer, $"/api/timebank/accounts/{from}");
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, to, 41)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.insufficient_balance");
        var posted = await (await volunteer.PostAsync($"/api/timebank/transfers/{id}/post", null, Cancellation)).AssertOkAsync();

        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.True(pending.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Equal((100, 60, 40), (reserved.GetProperty("balanceMinutes").GetInt64(), reserved.GetProperty("pendingMinutes").GetInt64(), reserved.GetProperty("availableMinutes").GetInt64()));
        Assert.Equal("posted", posted.GetProperty("status").GetString());
        Assert.Equal(40, await BalanceAsync(volunteer, from));
        await (await volunteer.PostAsync($"/api/timebank/transfers/{id}/void", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_already_finished");
        await (await volunteer.PostAsync($"/api/timebank/transfers/{id}/post", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_already_finished");
    }

    [Fact]
    public async Task Void_APendingTransfer_ReleasesTheReservation_AndMovesNothing()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var id = Guid.CreateVersion7();
        await (await TransferAsync(volunteer, id, from, to, 60, pending: true)).AssertOkAsync(HttpStatusCode.Created);

        var voided = await (await admin.PostAsync($"/api/timebank/transfers/{id}/void", null, Cancellation)).AssertOkAsync();

        Assert.Equal("voided", voided.GetProperty("status").GetString());
        var account = await GetAsync(volunteer, $"/api/timebank/accounts/{from}");
        Assert.Equal((100, 0), (account.GetProperty("balanceMinutes").GetInt64(), account.GetProperty("pendingMinutes").GetInt64()));
        Assert.Equal(0, await BalanceAsync(admin, to));
    }

    [Fact]
    public async Task Reverse_APostedTransfer_MovesItBackOnce_NamingTheOriginal_AndASecondReversalIs409()
    {
        var admin = await _ledger.AdminAsync();
        var volunteer = await _ledger.VolunteerAsync();
        var account = await OwnAccountAsync(volunteer);
        var original = Guid.CreateVersion7();
        var reversal = Guid.CreateVersion7();
        await (await TransferAsync(admin, original, await IssuanceAsync(admin), account, 90)).AssertOkAsync(HttpStatusCode.Created);

        var reversed = await (await admin.PostAsJsonAsync($"/api/timebank/transfers/{original}/reverse", new { id = reversal, memo = "记错了班次" }, Cancellation)).AssertOkAsync(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync($"/api/timebank/transfers/{original}/reverse", new { id = reversal }, Cancellation)).AssertOkAsync();
        await (await admin.PostAsJsonAsync($"/api/timebank/transfers/{original}/reverse", new { id = Guid.CreateVersion7() }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Conflict, "timebank.transfer_already_reversed");
        await (await volunteer.PostAsJsonAsync($"/api/timebank/transfers/{original}/reverse", new { id = Guid.CreateVersion7() }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "timebank.not_allowed");

        Assert.Equal(original, reversed.GetProperty("reverses").GetGuid());
        Assert.Equal(reversal, (await GetAsync(admin, $"/api/timebank/transfers/{original}")).GetProperty("reversedBy").GetGuid());
        var after = await GetAsync(volunteer, $"/api/timebank/accounts/{account}");
        Assert.Equal((0, 0), (after.GetProperty("balanceMinutes").GetInt64(), after.GetProperty("earnedMinutes").GetInt64()));
        Assert.Equal(2, (await GetAsync(volunteer, $"/api/timebank/accounts/{account}/postings")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Transfer_BadInput_IsRefusedWithItsCode_AndMovesNothing()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());
        var mutualAid = await OwnAccountAsync(await _ledger.VolunteerAsync(), "mutual_aid");

        (await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, to, 0)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("minutes");
        (await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, to, -5)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("minutes");
        await (await volunteer.PostAsJsonAsync("/api/timebank/transfers", new { id = Guid.CreateVersion7(), purpose = "volunteer_service", from, to, minutes = 1.5 }, Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, mutualAid, 10)).AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.purpose_mismatch");
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, Guid.CreateVersion7(), 10)).AssertProblemAsync(HttpStatusCode.NotFound, "timebank.account_not_found");
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, to, 10, purpose: "gold")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, from, 10)).AssertProblemAsync(HttpStatusCode.BadRequest, "timebank.same_account");

        Assert.Equal(100, await BalanceAsync(volunteer, from));
        Assert.Equal(0, await BalanceAsync(admin, to));
    }

    [Fact]
    public async Task Transfer_IntoAClosedAccount_Is409_AndOnlyAnEmptyAccountCloses()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, from) = await _ledger.FundedVolunteerAsync(admin, 100);
        var to = await OwnAccountAsync(await _ledger.VolunteerAsync());

        await (await admin.PostAsync($"/api/timebank/accounts/{from}/close", null, Cancellation)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.account_not_empty");
        var closed = await (await admin.PostAsync($"/api/timebank/accounts/{to}/close", null, Cancellation)).AssertOkAsync();
        await (await TransferAsync(volunteer, Guid.CreateVersion7(), from, to, 10)).AssertProblemAsync(HttpStatusCode.Conflict, "timebank.account_closed");

        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
        Assert.Equal(100, await BalanceAsync(volunteer, from));
    }

    [Fact]
    public async Task Statement_IsPagedByKey_NewestFirst_WithRunningBalances()
    {
        var admin = await _ledger.AdminAsync();
        var volunteer = await _ledger.VolunteerAsync();
        var account = await OwnAccountAsync(volunteer);
        var issuance = await IssuanceAsync(admin);
        for (var i = 1; i <= 5; i++)
        {
            await (await TransferAsync(admin, Guid.CreateVersion7(), issuance, account, i)).AssertOkAsync(HttpStatusCode.Created);
        }

        var first = await GetAsync(volunteer, $"/api/timebank/accounts/{account}/postings?limit=2");
        var next = first.GetProperty("next").GetInt64();
        var second = await GetAsync(volunteer, $"/api/timebank/accounts/{account}/postings?limit=2&before={next}");
        var last = await GetAsync(volunteer, $"/api/timebank/accounts/{account}/postings?limit=2&before={second.GetProperty("next").GetInt64()}");

        Assert.Equal([15L, 10L], first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("balanceAfterMinutes").GetInt64()));
        Assert.Equal([6L, 3L], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("balanceAfterMinutes").GetInt64()));
        Assert.Equal([1L], last.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("balanceAfterMinutes").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Postings_CannotBeChangedOrDeleted_InTheDatabase()
    {
        var admin = await _ledger.AdminAsync();
        var (volunteer, account) = await _ledger.FundedVolunteerAsync(admin, 10);

        await using var connection = new NpgsqlConnection(fixture.Service.ConnectionString);
        await connection.OpenAsync(Cancellation);
        foreach (var sql in new[] { "UPDATE postings SET \"AmountMinutes\" = 1000 WHERE \"AccountId\" = @id", "DELETE FROM postings WHERE \"AccountId\" = @id" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", account);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Cancellation));
            Assert.Equal(PostgresErrorCodes.RestrictViolation, refused.SqlState);
        }

        Assert.Equal(10, await BalanceAsync(volunteer, account));
    }
}
