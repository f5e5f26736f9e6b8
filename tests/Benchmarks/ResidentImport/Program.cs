// Resident import benchmark (issue 5). Imports a generated resident file at Chaoyang scale (3.93 million
// residents in one district) into the residents service through its HTTP API (upload, background job, poll
// until it has succeeded: read, every row checked, ID numbers and phones encrypted and hashed, residents,
// households and one event per resident written in one transaction), imports it again (nothing changes), and
// times a plain binary COPY of the same values into a bare table for comparison.
//
//   tests/Benchmarks/resident-import.sh [rows]     (default 3,930,000; fewer for a quick run)
//
// Target: at least 50,000 rows/s end to end. Exit status 0 when it is met.
extern alias residents;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Platform.Benchmarks;
using Platform.Benchmarks.ResidentImport;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Testing;
using residents::Platform.Residents.Data;

const double TargetRowsPerSecond = 50_000;
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_930_000;

var tenant = new TenantInfo(Guid.CreateVersion7(), "chaoyang", "朝阳区", TenantStatus.Active, new Dictionary<string, string>());
var residents = ChaoyangResidents.Create(rows, ReplicaTree.Homes());
var file = residents.ToCsv();
Console.WriteLine($"File: {rows:N0} residents at {ChaoyangScale.Buildings.Count:N0} buildings and {ReplicaTree.Units.Count:N0} units, {file.Length / 1024.0 / 1024.0:F1} MiB");

await using var database = await (await SharedServers.PostgresAsync()).CreateDatabaseAsync("bench");
await using var virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync();
await using var service = BenchmarkHost.Service<residents::Program>("services/Residents/Platform.Residents", web =>
{
    web.UseSetting("ConnectionStrings:residentsdb", database.ConnectionString);
    web.UseSetting("ConnectionStrings:rabbitmq", virtualHost.ConnectionString);
    web.UseSetting("PersonalData:Keys:bench-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    web.UseSetting("PersonalData:CurrentKeyId", "bench-1");
    web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    web.UseSetting("Imports:MaxFileBytes", (file.Length + (1L << 20)).ToString(CultureInfo.InvariantCulture));
    // The outbox relay publishes the import's events once it has committed, which for millions of events takes
    // the cores for minutes: it would slow the re-import and the baseline that follow, not the import measured.
    web.ConfigureServices(services => services.Remove(services.Single(s => s.ImplementationType == typeof(OutboxRelay<ResidentsDbContext>))));
});
await service.OnboardAsync(tenant);
await ReplicaTree.WriteAsync(service, tenant);
using var client = service.DistrictAdminClient(tenant);

var (importTime, imported) = await client.TimedImportAsync("/api/residents/imports", file, "chaoyang-residents.csv");
var rate = rows / importTime.TotalSeconds;
Console.WriteLine($"Import:    {importTime.TotalSeconds,7:F2} s  {rate,9:N0} rows/s  ({BenchmarkHost.Summary(imported)})");
var (reimportTime, reimported) = await client.TimedImportAsync("/api/residents/imports", file, "chaoyang-residents.csv");
Console.WriteLine($"Re-import: {reimportTime.TotalSeconds,7:F2} s  {rows / reimportTime.TotalSeconds,9:N0} rows/s  ({BenchmarkHost.Summary(reimported)})");
var copyTime = await PlainCopyAsync(database.ConnectionString, residents);
Console.WriteLine($"COPY:      {copyTime.TotalSeconds,7:F2} s  {rows / copyTime.TotalSeconds,9:N0} rows/s  (the file's values, binary, into a bare table: no checks, no encryption, no indexes, no events)");
Console.WriteLine($"Import / COPY: {importTime / copyTime:F1}x the time");

var met = rate >= TargetRowsPerSecond;
Console.WriteLine($"Target: >= {TargetRowsPerSecond:N0} rows/s end to end {(met ? "met" : "NOT met")} ({rate / TargetRowsPerSecond:P0} of it)");
return met ? 0 : 1;

static async Task<TimeSpan> PlainCopyAsync(string connectionString, ChaoyangResidents residents)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var create = new NpgsqlCommand(
        "CREATE TABLE copy_baseline (name text, id_number text, node_code text, phone text, household text, residence text, tags text)", connection))
    {
        await create.ExecuteNonQueryAsync();
    }

    var watch = Stopwatch.StartNew();
    await using (var writer = await connection.BeginBinaryImportAsync("COPY copy_baseline FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < residents.Count; i++)
        {
            await writer.StartRowAsync();
            foreach (var value in (string?[])[residents.Names[i], residents.IdNumbers[i], residents.NodeCodes[i], residents.Phones[i], residents.Households[i], residents.ResidenceCells[i], residents.Tags[i]])
            {
                if (value is null)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value, NpgsqlDbType.Text);
                }
            }
        }

        await writer.CompleteAsync();
    }

    return watch.Elapsed;
}
