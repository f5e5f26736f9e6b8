using System.Globalization;
using System.Text;
using Platform.Districts.Contracts;
using Platform.Property.Contracts;
using Platform.Residents.Contracts;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// Faults injected into the running platform (real processes, real PostgreSQL and RabbitMQ) while demands are filed,
/// territory nodes added, ballots cast and hours transferred through the gateway at a steady rate: afterwards every
/// request answered 2xx has its effect exactly once, every event its outbox published reached its consumers, nothing
/// was applied twice, the ledger balances and the vote's tally agrees with its ballots, no request hung or got a 500,
/// and every service was healthy again within <see cref="RecoveryBound"/>.
/// </summary>
/// <remarks>
/// The short version runs in the normal test run. <c>RELIABILITY_PHASE_SECONDS</c> (default 4) and
/// <c>RELIABILITY_DEMANDS_PER_SECOND</c> (default 10) lengthen and load it (README, "Faults and recovery").
/// </remarks>
[Collection(PlatformProcessesCollection.Name)]
public sealed class FaultInjectionTests
{
    // From the fault to every process healthy and the databases reachable through the gateway. A restarted .NET service
    // (migrator, bus, catch-up) or broker takes 10-20 s on a quiet 2-core machine and up to a minute when builds and other
    // test runs share it; the bound leaves room for the latter and still fails a service that does not come back.
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(3);

    // The longest a phase can take (its steady load before and after the fault, and the wait for recovery) sizes the
    // roll, imported in one request; a usual one (recovery within 30 s) the work orders, each three requests to set up.
    private static TimeSpan LongestPhase(TimeSpan phaseLength) => 2 * phaseLength + RecoveryBound + TimeSpan.FromSeconds(30);

    private static TimeSpan UsualPhase(TimeSpan phaseLength) => 2 * phaseLength + TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Faults_UnderSteadyLoad_LoseNothingApplyNothingTwiceAndRecover()
    {
        var phaseLength = TimeSpan.FromSeconds(RunSettings.Number("RELIABILITY_PHASE_SECONDS", 4));
        var rates = new LoadRates(RunSettings.Number("RELIABILITY_DEMANDS_PER_SECOND", 10));
        await using var platform = await PlatformUnderFaults.StartAsync(Cancellation);
        using var client = await platform.DemoAdminClientAsync(Cancellation);
        using var setUp = await platform.DemoAdminClientAsync(Cancellation, timeout: TimeSpan.FromMinutes(1));
        var community = await SteadyLoad.FirstCommunityAsync(setUp, Cancellation);
        var runMark = $"REL{DateTime.UtcNow:HHmmss}";
        await using var counter = await EventRecorder.StartAsync(platform.VirtualHost, "reliability-counter",
            events => events.Record<DemandReceivedIntegrationEvent>().Record<TerritoryNodeAddedIntegrationEvent>().Record<PropertyWorkOrderStatusChangedIntegrationEvent>());

        var consumerKill = $"consumer SIGKILL ({string.Join(", ", platform.Consumers.Select(c => c.Name))})";
        var faults = new (string Name, Func<Task> Inject)[]
        {
            ("none (baseline)", () => Task.CompletedTask),
            ("RabbitMQ stopped and restarted", () => platform.RabbitMq.RestartAsync(Cancellation)),
            (consumerKill, async () =>
            {
                await Task.WhenAll(platform.Consumers.Select(c => c.KillAsync()));
                await Task.Delay(OutageLength, Cancellation);
                await Task.WhenAll(platform.Consumers.Select(c => c.StartAsync(Cancellation)));
            }),
            ("PostgreSQL restarted", () => platform.Postgres.RestartAsync(Cancellation)),
            ("1 of 2 residents SIGKILL", async () =>
            {
                await platform.Residents[0].KillAsync();
                await Task.Delay(OutageLength, Cancellation);
                await platform.Residents[0].StartAsync(Cancellation);
            }),
        };

        var estate = await LoadSetUp.EstateAsync(setUp, platform, community, runMark, rates.OwnersFor(faults.Length * LongestPhase(phaseLength)), Cancellation);
        var accounts = await LoadSetUp.FundAccountsAsync(setUp, runMark, count: 8, minutesEach: 10_000, Cancellation);
        using var workOrders = await LoadSetUp.WorkOrdersAsync(setUp, platform, estate, runMark, rates.WorkOrdersFor(faults.Length * UsualPhase(phaseLength)), Cancellation);
        var load = new SteadyLoad(client, community, runMark, rates, estate, accounts, workOrders);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        var phases = new List<Phase>();
        foreach (var (name, inject) in faults)
        {
            var start = load.Now;
            await Task.Delay(phaseLength, Cancellation);
            var faultAt = load.Now;
            await inject();
            await WaitRecoveredAsync(platform, client);
            phases.Add(new Phase(name, start, load.Now - faultAt));
            await Task.Delay(phaseLength, Cancellation);
        }

        await stop.CancelAsync();
        var attempts = await running;
        var answered = attempts.Where(a => a.Succeeded).ToList();

        // Settled: every acknowledged demand's event and every acknowledged node's event has reached its consumers.
        Effects effects = null!;
        var settled = await Settled(answered, platform, load.RunMark, counter, e => effects = e);
        var books = await Reconciliation.CheckAsync(setUp, platform, estate, effects, Cancellation);
        var report = Report(phases, attempts, effects, counter, load, books);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.WriteLine(report);

        Assert.True(settled, $"Events still missing after the platform settled.\n{report}");
        Assert.All(phases, p => Assert.True(p.Recovery <= RecoveryBound, $"{p.Name}: recovered after {p.Recovery.TotalSeconds:0.0} s.\n{report}"));
        // A service down or busy is 503 at the gateway (504 when it does not answer in time), its database down 503 from
        // the service; never a 500, never YARP's bare 502, never without a problem body.
        Assert.DoesNotContain(attempts, a => a.Status >= 500 && a.Status is not (503 or 504));
        Assert.DoesNotContain(attempts, a => a.Status >= 500 && !a.ProblemBody);
        Assert.All(phases, p => Assert.All(SteadyLoad.Kinds, kind => Assert.Equal((0, 0), TallyOf(p, kind, phases, attempts, effects, counter).LostAndDuplicated)));
        Assert.Empty(books.Problems);
    }

    private static async Task<bool> Settled(List<Attempt> answered, PlatformUnderFaults platform, string runMark, EventRecorder counter, Action<Effects> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var effects = await Effects.ReadAsync(platform, runMark, Cancellation);
            read(effects);
            var received = counter.Events.Select(Subject).ToHashSet();
            var complete = answered.Where(a => Effects.HasEvents(a.Kind))
                .All(a => Effects.EventKey(a) is { } key && received.Contains(key) && effects.IsAppliedEverywhere(a));
            if (complete || DateTime.UtcNow > deadline)
            {
                return complete;
            }

            await Task.Delay(1000, Cancellation);
        }
    }

    // Recovered: every process answers /health, and a read through the gateway reaches each service's database.
    private static async Task WaitRecoveredAsync(PlatformUnderFaults platform, HttpClient client)
    {
        var deadline = DateTime.UtcNow + RecoveryBound + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await platform.AllHealthyAsync(Cancellation)
                && await AnswersAsync(client, "/api/territory/nodes?kind=street") && await AnswersAsync(client, "/api/demands?pageSize=1")
                && await AnswersAsync(client, "/api/property/areas?pageSize=1") && await AnswersAsync(client, "/api/timebank/accounts?pageSize=1"))
            {
                return;
            }

            await Task.Delay(200, Cancellation);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !Cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    // What an event is about, as Effects.EventKey names it: the demand filed, the node added, the work-order step taken.
    private static string Subject(Platform.Contracts.IIntegrationEvent integrationEvent) => integrationEvent switch
    {
        DemandReceivedIntegrationEvent demand => demand.DemandId.ToString(),
        TerritoryNodeAddedIntegrationEvent node => node.NodeId.ToString(),
        PropertyWorkOrderStatusChangedIntegrationEvent step => $"{step.DemandId}:{step.Status}",
        _ => "",
    };

    private static Tally TallyOf(Phase phase, string kind, List<Phase> phases, IReadOnlyList<Attempt> attempts, Effects effects, EventRecorder counter)
    {
        var index = phases.IndexOf(phase);
        var end = index + 1 < phases.Count ? phases[index + 1].Start : TimeSpan.MaxValue;
        var sent = attempts.Where(a => a.Kind == kind && a.SentAt >= phase.Start && a.SentAt < end).ToList();
        var answered = sent.Where(a => a.Succeeded).ToList();
        var deliveries = counter.Events.Select(Subject).GroupBy(key => key).ToDictionary(g => g.Key, g => g.Count());
        var events = Effects.HasEvents(kind);

        // Consumed: by the test's counting queue, and applied by every service that consumes it.
        bool Consumed(Attempt a) => Effects.EventKey(a) is { } key && deliveries.ContainsKey(key) && effects.IsAppliedEverywhere(a);

        var lost = answered.Count(a => effects.TimesStored(a) == 0 || (events && (!effects.IsPublished(a) || !Consumed(a))));
        var duplicated = sent.Count(a => effects.TimesStored(a) > 1) + answered.Sum(effects.AppliedTwice);
        return new Tally(
            sent.Count,
            answered.Count,
            sent.Count(a => a.Status is { } s && s >= 500),
            sent.Count(a => a.Status is { } s && s >= 500 && a.ProblemBody),
            sent.Count(a => a.Status is null),
            answered.Count(a => effects.TimesStored(a) == 1),
            sent.Count(a => !a.Succeeded && effects.TimesStored(a) > 0),
            events ? answered.Count(effects.IsPublished) : null,
            events ? answered.Count(Consumed) : null,
            events ? answered.Sum(a => Effects.EventKey(a) is { } key ? Math.Max(0, deliveries.GetValueOrDefault(key) - 1) : 0) : null,
            (lost, duplicated));
    }

    private static string Report(List<Phase> phases, IReadOnlyList<Attempt> attempts, Effects effects, EventRecorder counter, SteadyLoad load, Reconciliation books)
    {
        static string Or(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "–";
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Faults under steady load ({attempts.Count} requests in {load.Now.TotalSeconds:0} s; {load.Rates} through the gateway)");
        table.AppendLine("| fault | flow | sent | 2xx | 5xx (with problem body) | no answer ≤ 10 s | effects found | unacknowledged effects | events published | consumed | redelivered | lost | duplicated | recovery |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var phase in phases)
        {
            foreach (var kind in SteadyLoad.Kinds)
            {
                var t = TallyOf(phase, kind, phases, attempts, effects, counter);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {(kind == SteadyLoad.Kinds[0] ? phase.Name : "")} | {kind} | {t.Sent} | {t.Answered} | {t.ServerErrors} ({t.ServerErrorsWithProblem}) | {t.NoAnswer} | {t.Effects} | {t.Unacknowledged} | {Or(t.Published)} | {Or(t.Consumed)} | {Or(t.Redelivered)} | {t.LostAndDuplicated.Lost} | {t.LostAndDuplicated.Duplicated} | {(kind == SteadyLoad.Kinds[0] ? $"{phase.Recovery.TotalSeconds:0.0} s" : "")} |");
            }
        }

        table.AppendLine("Statuses: " + string.Join(", ", attempts.GroupBy(a => a.Status?.ToString(CultureInfo.InvariantCulture) ?? "none").OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}")));
        foreach (var line in books.Lines.Concat(books.Problems))
        {
            table.AppendLine(line);
        }

        return table.ToString();
    }

    private sealed record Phase(string Name, TimeSpan Start, TimeSpan Recovery);

    private sealed record Tally(
        int Sent, int Answered, int ServerErrors, int ServerErrorsWithProblem, int NoAnswer, int Effects, int Unacknowledged,
        int? Published, int? Consumed, int? Redelivered, (int Lost, int Duplicated) LostAndDuplicated);
}
