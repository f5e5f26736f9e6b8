// Assembly vote benchmark (issue 18): one property management area of 20,000 units (a large Beijing estate) with
// multi-unit owners, co-held units, the developer's unsold and undelivered units. Imports the roll through the
// gateway (target < 10 s), opens a vote, then casts ballots through the gateway at a fixed rate while 20 clients poll
// the live tally every second, and checks the final tally against an independent SQL computation over the ballots
// and against this program's own count of what it cast.
//
//   tests/Benchmarks/assembly-vote.sh [--rate 500] [--duration 20] [--warmup 10]   (starts everything and runs this)
//
// This program expects the processes to run already and takes: --gateway URL --rabbitmq AMQP-URI --database
// CONNECTION-STRING (the property database) --token TOKEN [--rate N] [--duration S] [--warmup S].
// Targets: ballots at the scheduled rate (>= 500/s) with p99 < 100 ms; tally p99 < 50 ms; the final tally equals the
// independent computation; roll import < 10 s. Exit status 0 when all are met.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Npgsql;
using Platform.Benchmarks;
using Platform.Districts.Contracts;
using Platform.Domain;
using Platform.PersonalData;

const int Buildings = 20, UnitsPerBuilding = 1_000, Pollers = 20;
string[] matterKeys = ["m1", "m2"];
string[] choiceNames = ["approve", "reject", "abstain"];

var options = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var rate = int.Parse(options.GetValueOrDefault("rate", "500"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("warmup", "10"), CultureInfo.InvariantCulture));

using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(options["gateway"]),
    Timeout = TimeSpan.FromSeconds(30),
};
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["token"]);

var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(options["rabbitmq"])));
await bus.StartAsync();
var (compound, buildingCodes) = await PublishEstateAsync(bus);
await bus.StopAsync();

var areaId = await UntilAreaCreatedAsync(client, compound);
var roll = EstateRoll.Generate(buildingCodes, UnitsPerBuilding);
var (importTime, imported) = await client.TimedImportAsync($"/api/property/areas/{areaId}/roll/imports", roll.Csv(), "roll.csv");
Console.WriteLine($"Roll import of {roll.Units.Count:N0} units ({roll.Owners.Count:N0} owners as the law counts them): {importTime.TotalSeconds:F2} s ({BenchmarkHost.Summary(imported)})");

var ballotsNeeded = (int)(rate * (warmUp + duration).TotalSeconds);
if (ballotsNeeded > roll.Owners.Count)
{
    throw new InvalidOperationException($"{ballotsNeeded:N0} ballots wanted, but the roll has {roll.Owners.Count:N0} owners; lower --rate or --duration.");
}

// Each owner votes once, in a fixed shuffled order; the warm-up's owners vote in another vote of the same area.
var voters = roll.Owners.OrderBy(_ => Random.Shared.Next()).ToList();
var choices = voters.Select(_ => matterKeys.ToDictionary(key => key, key => choiceNames[Random.Shared.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 }])).ToList();
var warmUpVote = await OpenVoteAsync(client, areaId, "暖机表决");
var (vote, openTime) = await TimedAsync(() => OpenVoteAsync(client, areaId, "关于续聘物业服务企业和外立面改造的表决"));
Console.WriteLine($"Opening the vote (freezing the roll of {roll.Units.Count:N0} units): {openTime.TotalMilliseconds:F0} ms");

var warmUpBallots = (int)(rate * warmUp.TotalSeconds);
Task<HttpResponseMessage> Cast(Guid voteId, int voter) => client.PostAsJsonAsync($"/api/property/votes/{voteId}/ballots", new
{
    unitCode = voters[voter].UnitCodes[0], choices = choices[voter], channel = "paper", evidenceRef = $"scan-{voter}", proxyHolder = (string?)null,
});
Console.WriteLine($"Warm-up: {rate}/s for {warmUp.TotalSeconds:F0} s");
await FixedRateLoad.RunAsync(rate, warmUp, i => Cast(warmUpVote, i));

var tallyLatencies = new ConcurrentBag<double>();
var tallyFailures = new ConcurrentBag<string>();
using var stopPolling = new CancellationTokenSource();
var pollers = Enumerable.Range(0, Pollers).Select(p => PollAsync(client, vote, tallyLatencies, tallyFailures, TimeSpan.FromMilliseconds(1000 * p / Pollers), stopPolling.Token)).ToList();
var load = await FixedRateLoad.RunAsync(rate, duration, i => Cast(vote, warmUpBallots + i));
await stopPolling.CancelAsync();
await Task.WhenAll(pollers);

var cast = load.Outcomes.Select((outcome, i) => (outcome, voter: warmUpBallots + i)).Where(o => o.outcome.Status == HttpStatusCode.Created).Select(o => o.voter).ToList();
var failures = load.Outcomes.Where(o => o.Status != HttpStatusCode.Created).GroupBy(o => o.Status?.ToString() ?? "no response")
    .Select(g => $"{g.Count()} × {g.Key}").ToList();
var sustained = cast.Count / duration.TotalSeconds;
var (p50, p99) = (load.Percentile(0.50), load.Percentile(0.99));
var tallies = tallyLatencies.Order().ToList();
double TallyPercentile(double fraction) => tallies.Count == 0 ? double.NaN : tallies[(int)Math.Ceiling(fraction * tallies.Count) - 1];

Console.WriteLine($"Ballots through the gateway, {rate}/s scheduled for {duration.TotalSeconds:F0} s ({load.Outcomes.Count:N0}), latency from the scheduled start:");
Console.WriteLine($"  sustained {sustained:F0} ballots/s; p50 {p50:F1} ms  p99 {p99:F1} ms  max {load.Outcomes.Max(o => o.Latency.TotalMilliseconds):F0} ms");
Console.WriteLine($"  errors: {(failures.Count == 0 ? "none" : string.Join(", ", failures))}");
Console.WriteLine($"Tally polled by {Pollers} clients every second meanwhile ({tallies.Count:N0} answered): p50 {TallyPercentile(0.5):F1} ms  p99 {TallyPercentile(0.99):F1} ms; " +
    $"failed: {(tallyFailures.IsEmpty ? "none" : string.Join(", ", tallyFailures.GroupBy(f => f).Select(g => $"{g.Count()} × {g.Key}")))}");

using var final = await client.GetAsync($"/api/property/votes/{vote}/tally");
var tally = await final.Content.ReadFromJsonAsync<JsonElement>();
var independent = await IndependentCountAsync(options["database"], vote, matterKeys, choiceNames);
var ownCount = new Dictionary<string, (int Owners, decimal Area)>();
foreach (var voter in cast)
{
    foreach (var key in matterKeys.Select(k => $"{k}.{choices[voter][k]}").Append("participating"))
    {
        var (owners, area) = ownCount.GetValueOrDefault(key);
        ownCount[key] = (owners + 1, area + voters[voter].Area);
    }
}

var served = new Dictionary<string, (int Owners, decimal Area)>
{
    ["participating"] = (tally.GetProperty("participatingOwners").GetInt32(), decimal.Parse(tally.GetProperty("participatingArea").GetString()!, CultureInfo.InvariantCulture)),
};
foreach (var matter in tally.GetProperty("matters").EnumerateArray())
{
    foreach (var choice in choiceNames)
    {
        served[$"{matter.GetProperty("key").GetString()}.{choice}"] = (
            matter.GetProperty($"{choice}Owners").GetInt32(), decimal.Parse(matter.GetProperty($"{choice}Area").GetString()!, CultureInfo.InvariantCulture));
    }
}

var keys = served.Keys.Union(independent.Keys).Union(ownCount.Keys).Order().ToList();
var tallyMatches = keys.All(k => served.GetValueOrDefault(k) == independent.GetValueOrDefault(k) && served.GetValueOrDefault(k) == ownCount.GetValueOrDefault(k));
Console.WriteLine($"Final tally: {served["participating"].Owners:N0} owners with {served["participating"].Area:N2} m² took part; quorum {(tally.GetProperty("quorumMet").GetBoolean() ? "met" : "not met")}; " +
    $"equals the independent SQL count and this program's own: {(tallyMatches ? "yes" : "NO")}");
foreach (var key in keys.Where(k => !(served.GetValueOrDefault(k) == independent.GetValueOrDefault(k) && served.GetValueOrDefault(k) == ownCount.GetValueOrDefault(k))))
{
    Console.WriteLine($"  {key}: served {served.GetValueOrDefault(key)}, SQL {independent.GetValueOrDefault(key)}, cast {ownCount.GetValueOrDefault(key)}");
}

var importMet = importTime < TimeSpan.FromSeconds(10);
var ballotsMet = sustained >= rate && failures.Count == 0 && p99 < 100;
var tallyMet = tallyFailures.IsEmpty && TallyPercentile(0.99) < 50;
Console.WriteLine($"Targets: roll import < 10 s {(importMet ? "met" : "NOT met")}; ballots >= {rate}/s with p99 < 100 ms {(ballotsMet ? "met" : "NOT met")}; " +
    $"tally p99 < 50 ms {(tallyMet ? "met" : "NOT met")}; final tally equal {(tallyMatches ? "met" : "NOT met")}");
return importMet && ballotsMet && tallyMet && tallyMatches ? 0 : 1;

static async Task<(T Result, TimeSpan Elapsed)> TimedAsync<T>(Func<Task<T>> action)
{
    var started = Stopwatch.GetTimestamp();
    var result = await action();
    return (result, Stopwatch.GetElapsedTime(started));
}

static async Task<Guid> OpenVoteAsync(HttpClient client, Guid areaId, string title)
{
    using var drafted = await client.PostAsJsonAsync($"/api/property/areas/{areaId}/votes", new
    {
        title,
        opensAt = DateTimeOffset.UtcNow.AddMinutes(1),
        closesAt = DateTimeOffset.UtcNow.AddDays(7),
        matters = new object[]
        {
            new { key = "m1", matter = "hire_or_dismiss_manager", question = "是否续聘现物业服务企业？", amount = (decimal?)null },
            new { key = "m2", matter = "change_common_use", question = "是否将二号楼南侧绿地改建为停车场？", amount = (decimal?)null },
        },
    });
    drafted.EnsureSuccessStatusCode();
    var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    using var opened = await client.PostAsync($"/api/property/votes/{id}/open", null);
    opened.EnsureSuccessStatusCode();
    return id;
}

static async Task PollAsync(HttpClient client, Guid vote, ConcurrentBag<double> latencies, ConcurrentBag<string> failures, TimeSpan offset, CancellationToken stop)
{
    try
    {
        await Task.Delay(offset, stop);
        using var every = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/property/votes/{vote}/tally", CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
            // A failed poll is a failure of the run, not its end.
            if (response.IsSuccessStatusCode)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                failures.Add(response.StatusCode.ToString());
            }
        }
        while (await every.WaitForNextTickAsync(stop));
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
}

// Counted from the live tables with a formulation of its own: each choice's owners and the area of all their units.
static async Task<Dictionary<string, (int Owners, decimal Area)>> IndependentCountAsync(string connectionString, Guid vote, string[] keys, string[] choices)
{
    await using var data = NpgsqlDataSource.Create(connectionString);
    async Task<(int, decimal)> CountAsync(string where, params object[] values)
    {
        await using var command = data.CreateCommand($"""
            SELECT count(DISTINCT b."OwnerId")::int, coalesce(sum(u."FloorArea"), 0)
            FROM ballots b JOIN units u ON u."OwnerId" = b."OwnerId" WHERE b."VoteId" = $1 {where}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = vote });
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetDecimal(1));
    }

    var counts = new Dictionary<string, (int Owners, decimal Area)> { ["participating"] = await CountAsync("") };
    foreach (var key in keys)
    {
        foreach (var choice in choices)
        {
            var count = await CountAsync("""AND b."Choices" ->> $2 = $3""", key, choice);
            if (count.Item1 > 0)
            {
                counts[$"{key}.{choice}"] = count;
            }
        }
    }

    return counts;
}

// The demo district and an estate of one compound with its buildings, announced as the Districts service announces them.
static async Task<(Guid Compound, List<string> BuildingCodes)> PublishEstateAsync(IBus bus)
{
    await bus.Publish(new DistrictOnboardedIntegrationEvent { TenantId = DemoDistrict.Id, Identifier = DemoDistrict.Identifier, Name = DemoDistrict.Name });
    async Task<(Guid Id, string Path)> AddAsync((Guid Id, string Path)? parent, TerritoryNodeKind kind, string code, string name)
    {
        var id = Guid.CreateVersion7();
        var path = TerritoryPath.Of(parent?.Path, id);
        await bus.Publish(new TerritoryNodeAddedIntegrationEvent
        {
            TenantId = DemoDistrict.Id, NodeId = id, ParentId = parent?.Id, Kind = kind, Code = code, Name = name, Path = path,
        });
        return (id, path);
    }

    var street = await AddAsync(null, TerritoryNodeKind.Street, "VOTE-S", "测试街道");
    var community = await AddAsync(street, TerritoryNodeKind.Community, "VOTE-C", "测试社区");
    var compound = await AddAsync(community, TerritoryNodeKind.Compound, "VOTE-P", "望京大型社区");
    var codes = new List<string>();
    for (var b = 1; b <= Buildings; b++)
    {
        var code = $"VOTE-B{b:D2}";
        await AddAsync(compound, TerritoryNodeKind.Building, code, $"{b}号楼");
        codes.Add(code);
    }

    return (compound.Id, codes);
}

// The tree arrives by events; the area is refused until the property service has stored the compound (and its buildings).
static async Task<Guid> UntilAreaCreatedAsync(HttpClient client, Guid compound)
{
    await Task.Delay(TimeSpan.FromSeconds(2));
    for (var attempt = 0; ; attempt++)
    {
        using var response = await client.PostAsJsonAsync("/api/property/areas", new { name = "望京大型社区物业管理区域", code = "WJ-" + Guid.NewGuid().ToString("N")[..8], nodeIds = new[] { compound } });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        if (attempt == 300)
        {
            throw new InvalidOperationException($"Creating the area still answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await Task.Delay(100);
    }
}

/// <summary>One owner as the law counts owners: their units and the area of all of them.</summary>
internal sealed record EstateOwner(List<string> UnitCodes, decimal Area);

/// <summary>One unit of the generated roll with its holders (person numbers, or none for the developer).</summary>
internal sealed record EstateUnit(string Code, string BuildingCode, decimal Area, bool Delivered, int[] Persons);

/// <summary>
/// A generated roll: one unit in 20 is the developer's unsold one, one in 50 is sold but not yet delivered (both count
/// for the developer), one in 10 is co-held by two people, and one in 10 belongs to the buyer of the unit before it
/// (multi-unit owners); every other unit has its own holder.
/// </summary>
internal sealed class EstateRoll
{
    private const string DeveloperCreditCodeBody = "91110105MA0000001";

    public required List<EstateUnit> Units { get; init; }

    public required List<EstateOwner> Owners { get; init; }

    public static EstateRoll Generate(IReadOnlyList<string> buildingCodes, int unitsPerBuilding)
    {
        var units = new List<EstateUnit>();
        for (var i = 0; i < buildingCodes.Count * unitsPerBuilding; i++)
        {
            var (building, n) = (i / unitsPerBuilding, i % unitsPerBuilding);
            var code = $"{building + 1}-{n / 100 + 1}-{n % 100 + 101}";
            var area = 50m + (i * 37 % 10_000) / 100m;
            int[] persons = (i % 20, i % 10) switch
            {
                (0, _) => [],
                (_, 3) => [i, i + 1_000_000],
                (_, 7) => [i - 1],
                _ => [i],
            };
            units.Add(new EstateUnit(code, buildingCodes[building], area, Delivered: i % 50 != 1, persons));
        }

        var owners = units
            .GroupBy(u => u.Persons.Length == 0 || !u.Delivered ? "developer" : string.Join(',', u.Persons.Order()))
            .Select(g => new EstateOwner([.. g.Select(u => u.Code)], g.Sum(u => u.Area)))
            .ToList();
        return new EstateRoll { Units = units, Owners = owners };
    }

    public byte[] Csv()
    {
        var developer = DeveloperCreditCodeBody + UnifiedSocialCreditCode.CheckCharacter(DeveloperCreditCodeBody);
        var csv = new StringBuilder("unit_code,building_code,area,delivered,holder_kind,holder_name,holder_id_number,holder_credit_code\n");
        foreach (var unit in Units)
        {
            var common = string.Create(CultureInfo.InvariantCulture, $"{unit.Code},{unit.BuildingCode},{unit.Area:0.00},{(unit.Delivered ? "true" : "false")}");
            if (unit.Persons.Length == 0)
            {
                csv.Append(common).Append(",developer,望京置业有限公司,,").Append(developer).Append('\n');
            }

            foreach (var person in unit.Persons)
            {
                csv.Append(common).Append(",person,业主").Append(person.ToString(CultureInfo.InvariantCulture)).Append(',').Append(IdNumber(person)).Append(",\n");
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string IdNumber(int person)
    {
        var born = new DateOnly(1950, 1, 1).AddDays(person % 1_000_000 / 1000 + (person >= 1_000_000 ? 20_000 : 0));
        var body = string.Create(CultureInfo.InvariantCulture, $"110105{born:yyyyMMdd}{person % 1000:D3}");
        return body + ChineseIdNumber.CheckCharacter(body);
    }
}
