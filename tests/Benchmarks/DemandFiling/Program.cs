// Demand filing benchmark (issue 5): POST /api/demands through the gateway at a fixed rate, with the residents
// service, Identity, PostgreSQL and RabbitMQ running as they are deployed, while a consumer on the broker counts
// the DemandReceived events the residents service's outbox publishes.
//
//   tests/Benchmarks/demand-filing.sh [--rate 500] [--duration 30]   (starts everything and runs this program)
//
// This program expects the processes to run already and takes: --gateway URL --rabbitmq AMQP-URI --token TOKEN
// [--rate N] [--duration S] [--pids name=pid,...] (processes whose CPU time is reported).
// Targets: the scheduled rate sustained (500/s and 700/s are the targets), p99 < 100 ms, every DemandReceived
// event consumed within 5 s after the load stops, at most 0.7 ms of the residents service's CPU per filed demand.
// Exit status 0 when all are met.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Platform.Benchmarks;
using Platform.Benchmarks.DemandFiling;
using Platform.Districts.Contracts;
using Platform.Testing;

// Issue 19: the residents service may spend at most this much CPU per filed demand.
const double ResidentsCpuTargetMs = 0.7;

var options = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var rate = int.Parse(options.GetValueOrDefault("rate", "500"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("duration", "30"), CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("warmup", "30"), CultureInfo.InvariantCulture));
var pids = options.GetValueOrDefault("pids", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
    .Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture));
pids["load generator"] = Environment.ProcessId;

await using var counter = await EventCounter.StartAsync(new Uri(options["rabbitmq"]));
using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(options["gateway"]),
    Timeout = TimeSpan.FromSeconds(30),
};
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["token"]);

// The demo district and a small tree announced as the Districts service announces them.
var buildings = await PublishDemoTerritoryAsync(counter.Bus);
var categories = new[] { "环境卫生", "市政设施", "物业管理", "噪音扰民", "交通出行", "社会保障" };
Task<HttpResponseMessage> FileDemand(int index) => client.PostAsJsonAsync("/api/demands", new
{
    title = $"楼道灯不亮 #{index}",
    description = "三单元二楼到五楼的楼道灯坏了一周，晚上上下楼很不方便，请尽快修理。",
    category = categories[index % categories.Length],
    channel = "hotline",
    priority = index % 10 == 0 ? "urgent" : "normal",
    nodeId = buildings[index % buildings.Count],
});

await UntilFilingWorksAsync(FileDemand, buildings.Count);
// Long enough for the runtime to have compiled the hot paths at its optimising tier: the run measures a service
// that has been up for a while, not its first minute (the JIT's share of the run is printed below to show it).
Console.WriteLine($"Warm-up: {rate}/s for {warmUp.TotalSeconds:F0} s");
await FixedRateLoad.RunAsync(rate, warmUp, FileDemand);
await UntilDrainedAsync(counter);

var cpuBefore = pids.ToDictionary(p => p.Key, p => ProcessCpu.SecondsOf(p.Value));
const string TieredCompilationThread = ".NET Tiered Com";
var residentsJitBefore = pids.TryGetValue("residents", out var residentsPid) ? ProcessCpu.SecondsOfThreads(residentsPid, TieredCompilationThread) : null;
var load = await FixedRateLoad.RunAsync(rate, duration, FileDemand);
var stopped = Stopwatch.GetTimestamp();
var cpu = pids.ToDictionary(p => p.Key, p => ProcessCpu.SecondsOf(p.Value) - cpuBefore[p.Key]);
var residentsJit = residentsJitBefore is null ? 0 : ProcessCpu.SecondsBetween(residentsJitBefore, ProcessCpu.SecondsOfThreads(residentsPid, TieredCompilationThread));

var created = load.Outcomes.Where(o => o.Status == HttpStatusCode.Created).Select(o => DemandId(o.Body)).ToList();
var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
while (created.Any(id => !counter.Arrivals.ContainsKey(id)) && Stopwatch.GetTimestamp() < deadline)
{
    await Task.Delay(20);
}

var consumed = created.Count(counter.Arrivals.ContainsKey);
var lastArrival = created.Where(counter.Arrivals.ContainsKey).Select(id => counter.Arrivals[id]).DefaultIfEmpty(stopped).Max();
var eventLag = Stopwatch.GetElapsedTime(stopped, Math.Max(lastArrival, stopped));
// Open loop: every request leaves on its schedule, so the rate sustained is the 201s over the scheduled window
// (a service falling behind shows in the latency, which is measured from each scheduled start).
var sustained = created.Count / duration.TotalSeconds;
var untilLastResponse = created.Count / load.Elapsed.TotalSeconds;
var (p50, p90, p99) = (load.Percentile(0.50), load.Percentile(0.90), load.Percentile(0.99));
var failures = load.Outcomes.Where(o => o.Status != HttpStatusCode.Created)
    .GroupBy(o => o.Status?.ToString() ?? "no response").Select(g => $"{g.Count()} × {g.Key}").ToList();

Console.WriteLine($"POST /api/demands through the gateway, {rate}/s scheduled for {duration.TotalSeconds:F0} s ({load.Outcomes.Count:N0} requests), latency from the scheduled start:");
Console.WriteLine($"  sustained {sustained:F0} demands/s (201 responses / scheduled window; {untilLastResponse:F0}/s until the last response)");
Console.WriteLine($"  p50 {p50:F1} ms  p90 {p90:F1} ms  p99 {p99:F1} ms  max {load.Outcomes.Max(o => o.Latency.TotalMilliseconds):F0} ms");
Console.WriteLine($"  errors: {(failures.Count == 0 ? "none" : string.Join(", ", failures))}");
Console.WriteLine($"  201 responses {created.Count:N0}, DemandReceived events consumed {consumed:N0}; the last arrived {eventLag.TotalSeconds:F2} s after the last response");
Console.WriteLine($"  CPU during the run (2 cores = {2 * load.Elapsed.TotalSeconds:F0} core-seconds): " +
    string.Join(", ", cpu.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:F1} s ({c.Value / load.Elapsed.TotalSeconds * 100:F0} % of a core)")));

Console.WriteLine($"  of the residents service's CPU, at least {residentsJit:F1} s in the runtime's background compilation of hot methods (warm-up left over)");
// CPU per filed demand depends far less on how busy the machine was than the latencies do, so it is the figure to
// compare between runs; contention still inflates it (beside other agents' builds every process used ~1.3x as much).
Console.WriteLine("  CPU per filed demand: " + string.Join(", ", cpu.OrderByDescending(c => c.Value)
    .Select(c => $"{c.Key} {c.Value * 1000 / Math.Max(created.Count, 1):F2} ms")));

var rateMet = sustained >= rate && failures.Count == 0;
var residentsCpuMet = cpu.TryGetValue("residents", out var residentsCpu) && residentsCpu * 1000 / Math.Max(created.Count, 1) <= ResidentsCpuTargetMs;
var latencyMet = p99 < 100;
var eventsMet = consumed == created.Count && eventLag <= TimeSpan.FromSeconds(5);
Console.WriteLine($"Targets: >= {rate}/s {(rateMet ? "met" : "NOT met")}; p99 < 100 ms {(latencyMet ? "met" : "NOT met")}; " +
    $"every event within 5 s {(eventsMet ? "met" : "NOT met")}; residents CPU <= {ResidentsCpuTargetMs} ms per demand {(residentsCpuMet ? "met" : "NOT met")}");
return rateMet && latencyMet && eventsMet && residentsCpuMet ? 0 : 1;

static Guid DemandId(string body)
{
    using var json = JsonDocument.Parse(body);
    return json.RootElement.GetProperty("id").GetGuid();
}

static async Task<List<Guid>> PublishDemoTerritoryAsync(IBus bus)
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

    var street = await AddAsync(null, TerritoryNodeKind.Street, "BENCH-S", "测试街道");
    var community = await AddAsync(street, TerritoryNodeKind.Community, "BENCH-C", "测试社区");
    var grid = await AddAsync(community, TerritoryNodeKind.Grid, "BENCH-G", "测试网格");
    var compound = await AddAsync(grid, TerritoryNodeKind.Compound, "BENCH-P", "测试小区");
    var buildings = new List<Guid>();
    for (var b = 1; b <= 20; b++)
    {
        buildings.Add((await AddAsync(compound, TerritoryNodeKind.Building, $"BENCH-B{b}", $"{b}号楼")).Id);
    }

    return buildings;
}

// The tree arrives by events; filing answers 400 until the residents service has stored a building.
static async Task UntilFilingWorksAsync(Func<int, Task<HttpResponseMessage>> file, int buildings)
{
    for (var (building, attempt) = (0, 0); building < buildings; attempt++)
    {
        using var response = await file(building);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            building++;
            continue;
        }

        if (attempt == 300)
        {
            throw new InvalidOperationException($"Filing a demand still answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await Task.Delay(100);
    }
}

// The warm-up's events are left to arrive first, so that the measured run starts with an empty outbox.
static async Task UntilDrainedAsync(EventCounter counter)
{
    var seen = -1;
    while (seen != counter.Arrivals.Count)
    {
        seen = counter.Arrivals.Count;
        await Task.Delay(1000);
    }
}
