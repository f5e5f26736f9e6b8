using System.Diagnostics;
using Platform.Testing;

namespace Platform.Reliability.Tests;

/// <summary>
/// One of the platform's services (or the gateway) as a real process, started from its build output with
/// <c>dotnet</c> the way a container runs it, so that a fault can kill it outright (SIGKILL) and start it again.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 80;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(180);
    private static readonly HttpClient s_probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _project;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public ServiceProcess(string name, string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _project = project;
        Port = port;
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public int? ProcessId => _process is { HasExited: false } running ? running.Id : null;

    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the process and waits until its <c>/health</c> answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var output = OutputFolder(_project);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(output, $"{Path.GetFileName(_project)}.dll"));
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitHealthyAsync(s_startTimeout, cancellationToken);
    }

    /// <summary>Waits until <c>/health</c> answers 200; fails with the process's last output after <paramref name="timeout"/>.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (!await IsHealthyAsync(cancellationToken))
        {
            if (_process is null || _process.HasExited || started.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{Name} is not healthy after {started.Elapsed.TotalSeconds:0} s. Its last output:\n{OutputTail}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s_probe.GetAsync(new Uri(Address, "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish what it was doing, as when its node dies.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    // Beside this test assembly's configuration (Debug or Release), where the project reference built it.
    private static string OutputFolder(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var folder = Path.Combine(RepositoryRoot.Path, project, "bin", configuration, "net10.0");
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"{project} is not built: {folder} is missing.");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Count == OutputLinesKept)
            {
                _output.Dequeue();
            }

            _output.Enqueue(line);
        }
    }
}
