using System.Globalization;
using System.Text;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// The platform under a steady mixed load (demands filed in the residents service, grids added in the districts
/// service, whose events the residents' replica applies) for minutes without a fault: every request answered 2xx, and
/// no process's memory growing beyond <see cref="MemoryGrowthBound"/> from the end of the warm-up to the end of the run.
/// </summary>
/// <remarks>
/// The short version (1 minute) runs in the normal test run; <c>RELIABILITY_SOAK_MINUTES=10</c> is the soak the
/// README describes, and <c>RELIABILITY_DEMANDS_PER_SECOND</c> loads it more.
/// </remarks>
[Collection(PlatformProcessesCollection.Name)]
public sealed class SoakTests
{
    // Long enough for every process to have compiled its hot paths and filled its caches (tokens' signing keys, tenants,
    // EF's compiled queries, connection pools), so that growth after it is what a leak would look like.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    // A service's resident memory settles once its garbage collector has sized its heap for the load; what still grows
    // after the warm-up is the GC taking more room before it collects, bounded by the heap's budget, not by run length.
    // A quarter more, plus 64 MiB for that budget, passes a settled process and fails one that keeps what it serves.
    private const double MemoryGrowthBound = 1.25;
    private const long MemoryGrowthSlackBytes = 64L << 20;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SteadyMixedLoad_ForMinutes_AnswersEveryRequestAndMemoryStaysFlat()
    {
        var length = TimeSpan.FromMinutes(RunSettings.Number("RELIABILITY_SOAK_MINUTES", 1));
        var demandsPerSecond = RunSettings.Number("RELIABILITY_DEMANDS_PER_SECOND", 10);
        await using var platform = await PlatformUnderFaults.StartAsync(Cancellation);
        using var client = await platform.DemoAdminClientAsync(Cancellation);
        var community = await SteadyLoad.FirstCommunityAsync(client, Cancellation);
        var load = new SteadyLoad(client, community, $"SOAK{DateTime.UtcNow:HHmmss}", demandsPerSecond, nodesPerSecond: 2);

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await Task.Delay(WarmUp, Cancellation);
        var measuredFrom = load.Now;
        var atStart = platform.Services.ToDictionary(service => service.Name, ResidentBytes);
        await Task.Delay(length, Cancellation);
        var atEnd = platform.Services.ToDictionary(service => service.Name, ResidentBytes);
        await stop.CancelAsync();
        var attempts = (await running).Where(a => a.SentAt >= measuredFrom).ToList();

        var report = Report(attempts, measuredFrom, atStart, atEnd, demandsPerSecond);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);

        Assert.NotEmpty(attempts);
        Assert.All(attempts, attempt => Assert.True(attempt.Succeeded, $"{attempt.Kind} {attempt.Key} answered {attempt.Status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.\n{report}"));
        Assert.All(atStart, start => Assert.True(
            atEnd[start.Key] <= start.Value * MemoryGrowthBound + MemoryGrowthSlackBytes,
            $"{start.Key} grew from {Mib(start.Value)} to {Mib(atEnd[start.Key])}.\n{report}"));
    }

    private static string Report(
        List<Attempt> attempts, TimeSpan measuredFrom, Dictionary<string, long> atStart, Dictionary<string, long> atEnd, int demandsPerSecond)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Soak: {demandsPerSecond} demands/s and 2 grids/s through the gateway, {attempts.Count} requests after a {WarmUp.TotalSeconds:0}-s warm-up");
        report.AppendLine("| minute | requests | 2xx | errors | p50 | p90 | p99 | max |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var minute in attempts.GroupBy(a => (int)((a.SentAt - measuredFrom).TotalMinutes)).OrderBy(g => g.Key))
        {
            var latencies = minute.Select(a => a.Latency.TotalMilliseconds).Order().ToList();
            double At(double fraction) => Percentiles.Of(latencies, fraction);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {minute.Key + 1} | {latencies.Count} | {minute.Count(a => a.Succeeded)} | {minute.Count(a => !a.Succeeded)} | {At(0.5):0.0} ms | {At(0.9):0.0} ms | {At(0.99):0.0} ms | {latencies[^1]:0} ms |");
        }

        report.AppendLine("| process | memory after warm-up | at the end | growth |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, start) in atStart)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Mib(start)} | {Mib(atEnd[name])} | {(double)atEnd[name] / start:0.00}× |");
        }

        return report.ToString();
    }

    // The process's resident set (VmRSS), what the machine has to give it.
    private static long ResidentBytes(ServiceProcess service)
    {
        var pid = service.ProcessId ?? throw new InvalidOperationException($"{service.Name} is not running.");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MiB");
}
