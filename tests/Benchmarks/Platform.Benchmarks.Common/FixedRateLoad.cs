using System.Diagnostics;
using System.Net;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// An open-loop load: requests start on a fixed schedule whatever the server does, and each one's latency is
/// measured from the moment it was due, not from when it was actually sent. A server that stalls therefore shows
/// the wait of every request that queued behind the stall (no coordinated omission), unlike a closed-loop tool
/// such as wrk, whose connections simply stop sending while they wait.
/// </summary>
public static class FixedRateLoad
{
    /// <summary>Sends <paramref name="rate"/> requests per second for <paramref name="duration"/>; <paramref name="send"/> makes one request.</summary>
    public static async Task<LoadResult> RunAsync(int rate, TimeSpan duration, Func<int, Task<HttpResponseMessage>> send)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var requests = new List<Task<Outcome>>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(early);
            }

            requests.Add(OneAsync(i, due, send));
        }

        var outcomes = await Task.WhenAll(requests);
        return new LoadResult(outcomes, Stopwatch.GetElapsedTime(start, outcomes.Max(o => o.Finished)));
    }

    private static async Task<Outcome> OneAsync(int index, long due, Func<int, Task<HttpResponseMessage>> send)
    {
        // Off the scheduling loop at once: building and sending the request must not delay the next one's start.
        await Task.Yield();
        try
        {
            using var response = await send(index);
            var body = await response.Content.ReadAsStringAsync();
            var finished = Stopwatch.GetTimestamp();
            return new Outcome(response.StatusCode, body, Stopwatch.GetElapsedTime(due, finished), finished);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // No answer (refused, reset, or none within the client's timeout): an error of the run, not the end of it.
            var finished = Stopwatch.GetTimestamp();
            return new Outcome(null, exception.Message, Stopwatch.GetElapsedTime(due, finished), finished);
        }
    }
}

/// <summary>One request: its status (null when it failed without a response), body and latency from when it was due.</summary>
public sealed record Outcome(HttpStatusCode? Status, string Body, TimeSpan Latency, long Finished);

/// <summary>Every request of a load, and the time from the first one's due time until the last response.</summary>
public sealed record LoadResult(IReadOnlyList<Outcome> Outcomes, TimeSpan Elapsed)
{
    /// <summary>The latency below which <paramref name="fraction"/> of the requests completed, in milliseconds.</summary>
    public double Percentile(double fraction) =>
        Percentiles.Of([.. Outcomes.Select(o => o.Latency.TotalMilliseconds).Order()], fraction);
}
