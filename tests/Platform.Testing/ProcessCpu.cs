using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// CPU time used by processes and everything they started (PostgreSQL's backends, RabbitMQ's Erlang VM), read from
/// <c>/proc</c>, to show where the cores went during a run.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ, 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds used so far by <paramref name="pid"/> and its living descendants.</summary>
    public static double SecondsOf(int pid)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(name => name.All(char.IsAsciiDigit))
            .Select(name => Read($"/proc/{name}/stat"))
            .OfType<Stat>()
            .ToList();
        var children = stats.ToLookup(s => s.ParentId);
        var total = 0.0;
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var current))
        {
            total += stats.FirstOrDefault(s => s.Id == current)?.Seconds ?? 0;
            foreach (var child in children[current])
            {
                pending.Push(child.Id);
            }
        }

        return total;
    }

    /// <summary>
    /// CPU seconds used so far by each thread of <paramref name="pid"/> whose name starts with
    /// <paramref name="threadName"/> (e.g. ".NET Tiered Com", the runtime's background JIT of hot methods), by thread id.
    /// </summary>
    public static IReadOnlyDictionary<int, double> SecondsOfThreads(int pid, string threadName) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .Where(task => ReadName($"{task}/comm")?.StartsWith(threadName, StringComparison.Ordinal) == true)
            .Select(task => Read($"{task}/stat"))
            .OfType<Stat>()
            .ToDictionary(stat => stat.Id, stat => stat.Seconds);

    /// <summary>
    /// The CPU seconds those threads used between two readings of <see cref="SecondsOfThreads"/>. The runtime ends
    /// its compilation thread when it runs out of work and starts a new one later, so a thread is compared with its
    /// own earlier reading (a new one from zero); what a thread used before it ended is not counted, which makes the
    /// figure a lower bound.
    /// </summary>
    public static double SecondsBetween(IReadOnlyDictionary<int, double> before, IReadOnlyDictionary<int, double> after) =>
        after.Sum(thread => thread.Value - before.GetValueOrDefault(thread.Key));

    private static string? ReadName(string path)
    {
        try
        {
            return File.ReadAllText(path).TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static Stat? Read(string statPath)
    {
        try
        {
            var text = File.ReadAllText(statPath);
            // The command name may hold spaces and parentheses; the fields after its closing parenthesis do not.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new Stat(int.Parse(text[..text.IndexOf(' ')], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            // The process ended between listing and reading.
            return null;
        }
    }

    private sealed record Stat(int Id, int ParentId, double Seconds);
}
