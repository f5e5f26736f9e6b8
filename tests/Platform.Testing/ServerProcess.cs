using System.Diagnostics;

namespace Platform.Testing;

/// <summary>One infra/local server script running in the foreground, with the tail of its output kept for diagnostics.</summary>
internal sealed class ServerProcess
{
    private const int OutputLinesKept = 60;
    // initdb and the first start take a few seconds on a quiet machine; generous, because with several test
    // projects and builds on two cores they have been seen to take over a minute.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan s_probeInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_shutdownGrace = TimeSpan.FromSeconds(10);

    // How PostgreSQL, RabbitMQ's AMQP listener and Erlang distribution report a port that is taken.
    private static readonly string[] s_portTakenMessages =
        ["address already in use", "eaddrinuse", "could not bind to distribution port"];

    private readonly Process _process;
    private readonly string _displayName;
    private readonly int? _shutdownSignal;
    private readonly Queue<string> _output = new();
    private volatile bool _ready;

    private ServerProcess(Process process, string displayName, int? shutdownSignal)
    {
        _process = process;
        _displayName = displayName;
        _shutdownSignal = shutdownSignal;
    }

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

    /// <summary>
    /// Starts a server script and waits until <paramref name="isReady"/> holds. Returns <see langword="null"/>
    /// when the server gave up because one of its ports was taken after <see cref="FreePorts"/> chose it.
    /// </summary>
    /// <remarks>
    /// <paramref name="shutdownSignal"/> says how to stop the server once its data no longer matters: a signal for a
    /// quick clean stop, or <see langword="null"/> to kill it outright.
    /// </remarks>
    public static async Task<ServerProcess?> TryStartAsync(
        string displayName,
        string script,
        IEnumerable<string> arguments,
        string instanceDirectory,
        int? shutdownSignal,
        Func<CancellationToken, Task<bool>> isReady,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryRoot.Script(script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(new Process { StartInfo = startInfo }, displayName, shutdownSignal);
        server._process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        ScratchSpace.Start(server, server._process, instanceDirectory);

        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.StandardInput.Close();

        bool ready;
        try
        {
            ready = await server.WaitUntilReadyAsync(isReady, cancellationToken);
        }
        catch
        {
            await server.ShutdownAsync();
            throw;
        }

        if (ready)
        {
            server._ready = true;
            return server;
        }

        ScratchSpace.Untrack(server);
        var output = server.OutputTail;
        return s_portTakenMessages.Any(message => output.Contains(message, StringComparison.OrdinalIgnoreCase))
            ? null
            : throw new InvalidOperationException(
                $"{displayName} exited during start-up with code {server._process.ExitCode}. Its last output:\n{output}");
    }

    /// <summary>
    /// Stops the server the way <c>shutdownSignal</c> asked for when it was started, or with SIGTERM while it is
    /// still starting: the script then still runs and handles SIGTERM, whereas SIGINT is ignored by a script whose
    /// test host was itself started in the background by a shell.
    /// </summary>
    public Task ShutdownAsync() =>
        _shutdownSignal is { } signal
            ? StopAsync(_ready ? signal : Posix.SigTerm, s_shutdownGrace, CancellationToken.None)
            : KillAsync();

    /// <summary>Sends <paramref name="signal"/> and waits for a clean exit; kills the process tree after <paramref name="grace"/>.</summary>
    public async Task StopAsync(int signal, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, signal);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            ScratchSpace.Untrack(this);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        ScratchSpace.Untrack(this);
    }

    private async Task<bool> WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            if (await isReady(cancellationToken))
            {
                return true;
            }

            if (started.Elapsed > s_startTimeout)
            {
                throw new TimeoutException(
                    $"{_displayName} was not ready after {s_startTimeout.TotalSeconds:0} s. Its last output:\n{OutputTail}");
            }

            await Task.Delay(s_probeInterval, cancellationToken);
        }

        // Exited is raised before the last buffered lines have been read; the reason for the exit is usually among them.
        await _process.WaitForExitAsync(cancellationToken);
        return false;
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
