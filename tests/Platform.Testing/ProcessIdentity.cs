using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A process id together with its start time, so that a recorded id that the kernel has since handed to an
/// unrelated process is not mistaken for the server that once had it.
/// </summary>
internal readonly record struct ProcessIdentity(int Pid, long StartTime)
{
    public static ProcessIdentity? Of(int pid) =>
        ReadStat(pid) is { } stat ? new ProcessIdentity(pid, stat.StartTime) : null;

    public static ProcessIdentity? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var startTime)
                ? new ProcessIdentity(pid, startTime)
                : null;
    }

    /// <summary>Zombies count as gone: nobody may ever reap an orphan in a minimal container.</summary>
    public bool IsRunning => ReadStat(Pid) is { } stat && stat.StartTime == StartTime && stat.State is not ('Z' or 'X');

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTime}");

    private static (char State, long StartTime)? ReadStat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // Fields follow the command name, which is in parentheses and may itself contain spaces or ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], long.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}
