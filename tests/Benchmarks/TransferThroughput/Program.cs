// Transfer throughput benchmark (issue 12): whole-minute transfers through the time bank's HTTP API, as batches of
// up to 1,000 (POST /api/timebank/transfers/batch, one transaction each) from several clients at once, for a fixed
// time; then the ledger's invariants (trial balance: sum zero, every balance equal to its postings), a plain INSERT of
// as many posting rows into a bare table for comparison, and the p99 of an account's balance and first statement page.
//
//   tests/Benchmarks/transfer-throughput.sh [--duration 20] [--clients 4] [--batch 1000] [--accounts 2000]
//
// Measured: the batch endpoint (the issue allows it). Half of the transfers issue minutes to volunteers, half move
// minutes between volunteers, so that accounts are both debited and credited and their row locks contend.
// Not measured here: the 10-million-postings district (preload it for the balance/statement figure on a quiet
// machine) and the 10,000 clearing transfers with RabbitMQ restarted (see the README).
// Target: >= 2,000 transfers/s sustained, balance and statement p99 < 20 ms. Exit status 0 when they are met and the
// invariants hold.
extern alias timebank;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Benchmarks;
using Platform.MultiTenancy;
using Platform.Testing;

var duration = TimeSpan.FromSeconds(Option("--duration", 20));
var clients = Option("--clients", 4);
var batchSize = Option("--batch", 1000);
var accountCount = Option("--accounts", 2000);
var tenant = new TenantInfo(Guid.CreateVersion7(), "chaoyang", "朝阳区", TenantStatus.Active, new Dictionary<string, string>());

await using var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("bench");
await using var virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync();
await using var service = BenchmarkHost.Service<timebank::Program>("services/TimeBank/Platform.TimeBank", web =>
{
    web.UseSetting("ConnectionStrings:timebankdb", database.ConnectionString);
    web.UseSetting("ConnectionStrings:rabbitmq", virtualHost.ConnectionString);
});
await service.OnboardAsync(tenant);
using var admin = service.DistrictAdminClient(tenant);

var issuance = await OpenAsync(new { purpose = "volunteer_service", ownerType = "bank", kind = "issuance" });
var accounts = new Guid[accountCount];
for (var i = 0; i < accountCount; i++)
{
    accounts[i] = await OpenAsync(new { purpose = "volunteer_service", ownerType = "volunteer", ownerId = $"bench-volunteer-{i:D6}" });
}

// Every account starts with enough minutes that the volunteer-to-volunteer half is never refused for its balance.
await PostBatchesAsync(accounts.Select(a => Order(issuance, a, 600)).ToList());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{accountCount:N0} volunteer accounts funded; {clients} clients, batches of {batchSize}, {duration.TotalSeconds:F0} s"));

var written = 0L;
var refused = 0L;
var batchLatencies = new List<double>();
var watch = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
{
    var random = new Random(c);
    while (watch.Elapsed < duration)
    {
        var orders = Enumerable.Range(0, batchSize).Select(i =>
        {
            var to = accounts[random.Next(accountCount)];
            if (i % 2 == 0)
            {
                return Order(issuance, to, random.Next(1, 61));
            }

            var from = accounts[random.Next(accountCount)];
            return from == to ? Order(issuance, to, 1) : Order(from, to, random.Next(1, 4));
        }).ToList();
        var started = watch.Elapsed;
        using var response = await admin.PostAsJsonAsync("/api/timebank/transfers/batch", new { items = orders });
        var elapsed = (watch.Elapsed - started).TotalMilliseconds;
        lock (batchLatencies)
        {
            batchLatencies.Add(elapsed);
        }

        if (response.IsSuccessStatusCode)
        {
            Interlocked.Add(ref written, orders.Count);
        }
        else
        {
            // All or nothing: a refused batch (a balance that ran low) moved nothing.
            Interlocked.Increment(ref refused);
        }
    }
}));
var measured = watch.Elapsed;
var rate = written / measured.TotalSeconds;
batchLatencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Transfers: {written:N0} in {measured.TotalSeconds:F1} s = {rate:N0}/s through the batch endpoint ({refused} batches refused); batch p50 {Percentiles.Of(batchLatencies, 0.5):F0} ms, p99 {Percentiles.Of(batchLatencies, 0.99):F0} ms"));

var trial = await admin.GetFromJsonAsync<JsonElement>("/api/timebank/ledger/trial-balance");
var invariants = trial.GetProperty("sumMinutes").GetInt64() == 0 && trial.GetProperty("postingsSumMinutes").GetInt64() == 0 && trial.GetProperty("mismatches").GetArrayLength() == 0;
Console.WriteLine($"Invariants: sum {trial.GetProperty("sumMinutes").GetInt64()}, postings sum {trial.GetProperty("postingsSumMinutes").GetInt64()}, mismatches {trial.GetProperty("mismatches").GetArrayLength()}: {(invariants ? "hold" : "BROKEN")}");

var postings = await CountPostingsAsync();
var insertTime = await PlainInsertAsync(postings);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Plain INSERT of {postings:N0} posting rows (batches of 1,000, no locks, no checks): {insertTime.TotalSeconds:F2} s = {postings / insertTime.TotalSeconds:N0} rows/s; the API wrote {2 * rate:N0} postings/s, {postings / insertTime.TotalSeconds / (2 * rate):F1}x slower"));

var (balanceP99, statementP99) = await ReadLatenciesAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reads ({postings:N0} postings in the district): balance p99 {balanceP99:F1} ms, first statement page p99 {statementP99:F1} ms"));

var met = invariants && rate >= 2000 && balanceP99 < 20 && statementP99 < 20;
Console.WriteLine($"Targets: >= 2,000 transfers/s {(rate >= 2000 ? "met" : "NOT met")}; reads p99 < 20 ms {(balanceP99 < 20 && statementP99 < 20 ? "met" : "NOT met")}; invariants {(invariants ? "hold" : "BROKEN")}");
return met ? 0 : 1;

async Task<Guid> OpenAsync(object body)
{
    using var response = await admin.PostAsJsonAsync("/api/timebank/accounts", body);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}

static object Order(Guid from, Guid to, long minutes) => new { id = Guid.CreateVersion7(), purpose = "volunteer_service", from, to, minutes };

async Task PostBatchesAsync(List<object> orders)
{
    foreach (var chunk in orders.Chunk(batchSize))
    {
        using var response = await admin.PostAsJsonAsync("/api/timebank/transfers/batch", new { items = chunk });
        response.EnsureSuccessStatusCode();
    }
}

async Task<long> CountPostingsAsync()
{
    await using var connection = new NpgsqlConnection(database.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT count(*) FROM postings", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}

// The same rows the ledger wrote, into a bare copy of the postings table by multi-row INSERTs of 1,000.
async Task<TimeSpan> PlainInsertAsync(long rows)
{
    await using var connection = new NpgsqlConnection(database.ConnectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand(
        """CREATE TABLE bare_postings ("TenantId" uuid, "AccountId" uuid, "Sequence" bigint, "TransferId" uuid, "AmountMinutes" bigint, "BalanceAfterMinutes" bigint, "PostedAt" timestamptz)""",
        connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    var timer = Stopwatch.StartNew();
    for (var offset = 0L; offset < rows; offset += 1000)
    {
        // Parameters generated client side, as an application writing postings would send them.
        var values = new StringBuilder("INSERT INTO bare_postings VALUES ");
        var parameters = new List<NpgsqlParameter>();
        var count = (int)Math.Min(1000, rows - offset);
        for (var i = 0; i < count; i++)
        {
            values.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}(${i * 7 + 1},${i * 7 + 2},${i * 7 + 3},${i * 7 + 4},${i * 7 + 5},${i * 7 + 6},${i * 7 + 7})");
            parameters.AddRange([new() { Value = tenant.Id }, new() { Value = accounts[i % accountCount] }, new() { Value = offset + i }, new() { Value = Guid.CreateVersion7() },
                new() { Value = (long)(i % 2 == 0 ? 1 : -1) }, new() { Value = offset + i }, new() { Value = DateTimeOffset.UtcNow }]);
        }

        await using var batch = new NpgsqlCommand(values.ToString(), connection);
        batch.Parameters.AddRange(parameters.ToArray());
        await batch.ExecuteNonQueryAsync();
    }

    return timer.Elapsed;
}

async Task<(double Balance, double Statement)> ReadLatenciesAsync()
{
    var balance = new List<double>();
    var statement = new List<double>();
    var random = new Random(7);
    for (var i = 0; i < 600; i++)
    {
        var account = accounts[random.Next(accountCount)];
        var timer = Stopwatch.StartNew();
        using (var response = await admin.GetAsync(new Uri($"/api/timebank/accounts/{account}", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        // The first 100 of each are warm-up (JIT tiering, pools).
        if (i >= 100)
        {
            balance.Add(timer.Elapsed.TotalMilliseconds);
        }

        timer.Restart();
        using (var response = await admin.GetAsync(new Uri($"/api/timebank/accounts/{account}/postings", UriKind.Relative)))
        {
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        if (i >= 100)
        {
            statement.Add(timer.Elapsed.TotalMilliseconds);
        }
    }

    balance.Sort();
    statement.Sort();
    return (Percentiles.Of(balance, 0.99), Percentiles.Of(statement, 0.99));
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
