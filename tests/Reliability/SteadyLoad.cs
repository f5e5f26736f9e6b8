using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Reliability.Tests;

/// <summary>One request of the load and how it was answered.</summary>
/// <param name="Kind">What was asked: one of <see cref="SteadyLoad.Kinds"/>.</param>
/// <param name="Key">The request's own mark in the data (a demand's title, a node's code, a ballot's evidence reference, a transfer's id), to find its effect by.</param>
/// <param name="SentAt">When it was sent, on the run's clock.</param>
/// <param name="Status">The HTTP status, or null when no answer came before the client's timeout or the connection broke.</param>
/// <param name="ProblemBody">Whether an error answer carried a problem-details body.</param>
/// <param name="Id">The created entity's id from a 2xx answer.</param>
/// <param name="Latency">From sending to the answer read, or to giving up.</param>
internal sealed record Attempt(string Kind, string Key, TimeSpan SentAt, int? Status, bool ProblemBody, Guid? Id, TimeSpan Latency)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>How many requests of each flow the load sends a second.</summary>
internal sealed record LoadRates(int DemandsPerSecond, int NodesPerSecond = 2, int BallotsPerSecond = 2, int TransfersPerSecond = 2, int WorkOrderStepsPerSecond = 1)
{
    public int PerSecond => DemandsPerSecond + NodesPerSecond + BallotsPerSecond + TransfersPerSecond + WorkOrderStepsPerSecond;

    /// <summary>How many owners a roll needs for ballots for <paramref name="runLength"/> at most.</summary>
    public int OwnersFor(TimeSpan runLength) => (int)Math.Ceiling(BallotsPerSecond * runLength.TotalSeconds);

    /// <summary>How many work orders give steps (accept, start, complete) for <paramref name="runLength"/>.</summary>
    public int WorkOrdersFor(TimeSpan runLength) => (int)Math.Ceiling(WorkOrderStepsPerSecond * runLength.TotalSeconds / SteadyLoad.WorkOrderSteps.Length);

    /// <summary>Describes the mix for a report's heading.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DemandsPerSecond} demands/s, {NodesPerSecond} grids/s, {BallotsPerSecond} ballots/s, {TransfersPerSecond} transfers/s and {WorkOrderStepsPerSecond} work-order steps/s");
}

/// <summary>
/// Demands filed, territory nodes (grids) added, ballots cast in an open vote (one per owner, each owner once), hours
/// transferred between funded volunteer accounts (each transfer with its own id) and work orders moved on by their
/// property company's system, through the gateway at fixed rates, open loop (a request is sent on schedule whether or
/// not the previous ones were answered), for as long as it runs; every answer is kept. A ballot or work-order step
/// slot is left empty once the roll or the work orders are used up.
/// </summary>
internal sealed class SteadyLoad(
    HttpClient client, Guid community, string runMark, LoadRates rates, Estate estate, FundedAccounts accounts, CompanyWorkOrders workOrders)
{
    public const string Demand = "demand";
    public const string Node = "grid";
    public const string Ballot = "ballot";
    public const string Transfer = "transfer";
    public const string WorkOrder = "work order";

    /// <summary>The flows in the order the report lists them.</summary>
    public static readonly string[] Kinds = [Demand, Node, Ballot, Transfer, WorkOrder];

    /// <summary>A work order's steps, each the route and the status its event reports.</summary>
    public static readonly (string Route, string Status)[] WorkOrderSteps = [("accept", "accepted"), ("start", "started"), ("complete", "completed")];

    private static readonly string[] s_choices = ["approve", "reject", "abstain"];

    private readonly List<Task<Attempt>> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _ballots;
    private int _transfers;
    private int _workOrderSteps;

    /// <summary>The run's clock, on which attempts and phases are stamped.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The title mark of this run's demands, the code mark of its nodes, the evidence mark of its ballots and the memo mark of its transfers.</summary>
    public string RunMark { get; } = runMark;

    public LoadRates Rates { get; } = rates;

    /// <summary>The first community of the demo district, under which the load files its demands and adds its grids.</summary>
    public static async Task<Guid> FirstCommunityAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/territory/nodes?kind=community", cancellationToken);
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>Sends requests on schedule until <paramref name="stop"/> is cancelled, then waits for every answer.</summary>
    public async Task<IReadOnlyList<Attempt>> RunAsync(CancellationToken stop)
    {
        var perSecond = Rates.PerSecond;
        // Each second's slots: the nodes, the ballots, the transfers, the work-order steps, then the demands.
        string[] slots = [.. Enumerable.Repeat(Node, Rates.NodesPerSecond), .. Enumerable.Repeat(Ballot, Rates.BallotsPerSecond),
            .. Enumerable.Repeat(Transfer, Rates.TransfersPerSecond), .. Enumerable.Repeat(WorkOrder, Rates.WorkOrderStepsPerSecond),
            .. Enumerable.Repeat(Demand, Rates.DemandsPerSecond)];
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = _clock.Elapsed;
        for (var number = 0; !stop.IsCancellationRequested; number++)
        {
            if (Next(slots[number % perSecond], number) is { } request)
            {
                _requests.Add(request);
            }

            next += interval;
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return await Task.WhenAll(_requests);
    }

    private Task<Attempt>? Next(string kind, int number) => kind switch
    {
        Node => AddNodeAsync(number),
        Ballot => _ballots < estate.UnitCodes.Count ? CastBallotAsync(_ballots++) : null,
        Transfer => TransferAsync(_transfers++),
        WorkOrder => _workOrderSteps < workOrders.Orders.Count * WorkOrderSteps.Length ? StepWorkOrderAsync(_workOrderSteps++) : null,
        _ => FileDemandAsync(number),
    };

    private Task<Attempt> FileDemandAsync(int number)
    {
        var key = $"{RunMark} 诉求 {number}";
        return SendAsync(Demand, key, "/api/demands", new { title = key, description = "可靠性测试", category = "环境卫生", channel = "hotline", nodeId = community });
    }

    private Task<Attempt> AddNodeAsync(int number)
    {
        var key = $"{RunMark}-G{number}";
        return SendAsync(Node, key, "/api/territory/nodes", new { kind = "grid", code = key, name = $"可靠性网格{number}", parentId = community });
    }

    // Owner number `owner` votes once, on paper entered by the district admin, the evidence reference marking the ballot.
    private Task<Attempt> CastBallotAsync(int owner)
    {
        var key = $"{RunMark}-B{owner}";
        return SendAsync(Ballot, key, $"/api/property/votes/{estate.VoteId}/ballots", new
        {
            unitCode = estate.UnitCodes[owner], choices = new Dictionary<string, string> { ["m1"] = s_choices[owner % s_choices.Length] },
            channel = "paper", evidenceRef = key,
        });
    }

    // Around the ring of funded accounts, a few minutes each: every account gives about what it gets, so none runs dry.
    private Task<Attempt> TransferAsync(int number)
    {
        var id = Guid.CreateVersion7();
        var ring = accounts.Ids;
        return SendAsync(Transfer, id.ToString(), "/api/timebank/transfers", new
        {
            id, purpose = accounts.Purpose, from = ring[number % ring.Count], to = ring[(number + 1) % ring.Count], minutes = 1 + number % 5,
            memo = $"{RunMark}-T{number}",
        });
    }
    // Every work order accepted in turn, then every one started, then every one completed: a step follows its order's
    // previous one by the whole round, so that it does not overtake it. The key is what the step's event reports.
    private Task<Attempt> StepWorkOrderAsync(int number)
    {
        var (order, demand) = workOrders.Orders[number % workOrders.Orders.Count];
        var (route, status) = WorkOrderSteps[number / workOrders.Orders.Count];
        return SendAsync(WorkOrder, $"{demand}:{status}", $"/api/property/work-orders/{order}/{route}", new { note = $"{RunMark} 第{number}步" }, workOrders.Company);
    }

    private async Task<Attempt> SendAsync(string kind, string key, string path, object body, HttpClient? caller = null)
    {
        var sentAt = _clock.Elapsed;
        try
        {
            using var response = await (caller ?? client).PostAsJsonAsync(path, body);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var created = await response.Content.ReadFromJsonAsync<JsonElement>();
                return new Attempt(kind, key, sentAt, status, ProblemBody: false, created.GetProperty("id").GetGuid(), _clock.Elapsed - sentAt);
            }

            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            return new Attempt(kind, key, sentAt, status, problem, Id: null, _clock.Elapsed - sentAt);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new Attempt(kind, key, sentAt, Status: null, ProblemBody: false, Id: null, _clock.Elapsed - sentAt);
        }
    }
}
