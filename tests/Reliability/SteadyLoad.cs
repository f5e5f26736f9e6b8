using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Reliability.Tests;

/// <summary>One request of the load and how it was answered.</summary>
/// <param name="Kind">What was asked: <see cref="SteadyLoad.Demand"/> or <see cref="SteadyLoad.Node"/>.</param>
/// <param name="Key">The request's own mark in the data (a demand's title, a node's code), to find its effect by.</param>
/// <param name="SentAt">When it was sent, on the run's clock.</param>
/// <param name="Status">The HTTP status, or null when no answer came before the client's timeout or the connection broke.</param>
/// <param name="ProblemBody">Whether an error answer carried a problem-details body.</param>
/// <param name="Id">The created entity's id from a 2xx answer.</param>
/// <param name="Latency">From sending to the answer read, or to giving up.</param>
internal sealed record Attempt(string Kind, string Key, TimeSpan SentAt, int? Status, bool ProblemBody, Guid? Id, TimeSpan Latency)
{
    public bool Succeeded => Status is >= 200 and < 300;
}

/// <summary>
/// Demands filed and territory nodes (grids) added through the gateway at a fixed rate, open loop (a request is sent on
/// schedule whether or not the previous ones were answered), for as long as it runs; every answer is kept.
/// </summary>
internal sealed class SteadyLoad(HttpClient client, Guid community, string runMark, int demandsPerSecond, int nodesPerSecond)
{
    public const string Demand = "demand";
    public const string Node = "grid";

    private readonly List<Task<Attempt>> _requests = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The run's clock, on which attempts and phases are stamped.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The title mark of this run's demands and the code mark of its nodes.</summary>
    public string RunMark { get; } = runMark;

    /// <summary>The first community of the demo district, under which the load files its demands and adds its grids.</summary>
    public static async Task<Guid> FirstCommunityAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/territory/nodes?kind=community", cancellationToken);
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>Sends requests on schedule until <paramref name="stop"/> is cancelled, then waits for every answer.</summary>
    public async Task<IReadOnlyList<Attempt>> RunAsync(CancellationToken stop)
    {
        var perSecond = demandsPerSecond + nodesPerSecond;
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = _clock.Elapsed;
        for (var number = 0; !stop.IsCancellationRequested; number++)
        {
            var isNode = number % perSecond < nodesPerSecond;
            _requests.Add(isNode ? AddNodeAsync(number) : FileDemandAsync(number));
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

    private async Task<Attempt> SendAsync(string kind, string key, string path, object body)
    {
        var sentAt = _clock.Elapsed;
        try
        {
            using var response = await client.PostAsJsonAsync(path, body);
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
