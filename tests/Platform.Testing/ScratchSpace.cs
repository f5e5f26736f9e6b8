using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Platform.Testing;

/// <summary>
/// The folder holding this test process's throwaway servers, and the housekeeping that keeps them from
/// outliving it: they are stopped when the process exits, and whatever an earlier run left behind because it
/// was killed or crashed is cleaned up as soon as the next run starts a server.
/// </summary>
/// <remarks>
/// Each test process owns a session folder next to a lock file that it keeps locked. The kernel releases the
/// lock however the process ends, so a lock that can be taken marks a session whose servers are orphans.
/// Test processes running in parallel (one per test assembly) never share a session.
/// </remarks>
internal static class ScratchSpace
{
    private const string PidFileName = "server.pid";
    private const string LockSuffix = ".lock";
    private const int SessionClaimAttempts = 3;

    // The postgres user, which the server runs as when tests run as root, must be able to enter these folders.
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_orphanGrace = TimeSpan.FromSeconds(10);

    private static readonly string s_root =
        Path.Combine(Path.GetTempPath(), $"gongzhi-test-servers-{Environment.UserName}");

    private static readonly Lazy<Session> s_session = new(OpenSession);
    private static readonly Lock s_shutdownInProgress = new();

    // Guards the pid files and the shutdown flag, so that no server starts once the shutdown has taken stock.
    private static readonly Lock s_gate = new();
    private static readonly Dictionary<ServerProcess, string> s_pidFiles = [];
    private static bool s_shutDown;

    /// <exception cref="OperationCanceledException">The test process is exiting.</exception>
    public static string CreateInstanceDirectory(string kind)
    {
        var session = s_session.Value;
        lock (s_gate)
        {
            ThrowIfShutDown();
            return CreateTraversableDirectory(Path.Combine(session.Directory, $"{kind}-{RandomSuffix()}"));
        }
    }

    public static void DeleteInstanceDirectory(string path) => DeleteTree(path);

    /// <summary>
    /// Starts the server's process and records it in its instance folder, so that a later run can stop it if this
    /// one dies first.
    /// </summary>
    /// <exception cref="OperationCanceledException">The test process is exiting: the server must not run.</exception>
    public static void Start(ServerProcess server, Process process, string instanceDirectory)
    {
        // Starting under the gate means the shutdown either sees the process or prevents it.
        lock (s_gate)
        {
            ThrowIfShutDown();
            process.Start();

            // A server that is already gone needs no tracking; its start-up fails on its own.
            if (ProcessIdentity.Of(process.Id) is { } identity)
            {
                var pidFile = Path.Combine(instanceDirectory, PidFileName);
                File.WriteAllText(pidFile, identity.ToString());
                s_pidFiles[server] = pidFile;
            }
        }
    }

    public static void Untrack(ServerProcess server)
    {
        lock (s_gate)
        {
            if (s_pidFiles.Remove(server, out var pidFile))
            {
                File.Delete(pidFile);
            }
        }
    }

    private static void ThrowIfShutDown()
    {
        if (s_shutDown)
        {
            throw new OperationCanceledException("The test process is exiting: its servers have been stopped.");
        }
    }

    private static Session OpenSession()
    {
        CreateTraversableDirectory(s_root);
        var (directory, lockPath, lockFile) = ClaimSession();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown();

        // Since .NET 10, SIGTERM ends a process without raising ProcessExit.
        var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Shutdown());

        _ = Task.Run(() => RemoveOrphanedSessionsAsync(lockPath));
        return new Session(directory, lockPath, lockFile, sigterm);
    }

    private static (string Directory, string LockPath, FileStream LockFile) ClaimSession()
    {
        for (var attempt = 1; ; attempt++)
        {
            var name = $"{Environment.ProcessId}-{RandomSuffix()}";
            var lockPath = Path.Combine(s_root, name + LockSuffix);
            try
            {
                // On Unix, FileShare.None takes an exclusive flock on the file.
                var lockFile = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                return (CreateTraversableDirectory(Path.Combine(s_root, name)), lockPath, lockFile);
            }
            catch (IOException) when (attempt < SessionClaimAttempts)
            {
                // Another run's clean-up took the brand-new lock before this process could, and will delete it.
            }
        }
    }

    private static void Shutdown()
    {
        // ProcessExit can follow SIGTERM while the shutdown that SIGTERM began is still running: it must wait for it.
        lock (s_shutdownInProgress)
        {
            ServerProcess[] servers;
            lock (s_gate)
            {
                if (s_shutDown)
                {
                    return;
                }

                s_shutDown = true;
                servers = [.. s_pidFiles.Keys];
            }

            try
            {
                Task.WhenAll(servers.Select(server => server.ShutdownAsync())).Wait(s_shutdownTimeout);
                var session = s_session.Value;
                DeleteTree(session.Directory);
                File.Delete(session.LockPath);
            }
            catch (Exception exception) when (exception is AggregateException or IOException or UnauthorizedAccessException)
            {
                // The process is ending either way. The lock file stays, so the next run finishes the job.
            }
        }
    }

    private static async Task RemoveOrphanedSessionsAsync(string currentLockPath)
    {
        foreach (var lockPath in Directory.EnumerateFiles(s_root, "*" + LockSuffix))
        {
            if (lockPath == currentLockPath)
            {
                continue;
            }

            try
            {
                await RemoveIfOrphanedAsync(lockPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Best effort: leftovers of another run must not fail this one.
            }
        }
    }

    private static async Task RemoveIfOrphanedAsync(string lockPath)
    {
        FileStream orphanLock;
        try
        {
            orphanLock = new FileStream(lockPath, FileMode.Open, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            return; // held by a live test process, or already cleaned up by another
        }

        using (orphanLock)
        {
            var directory = lockPath[..^LockSuffix.Length];
            if (Directory.Exists(directory))
            {
                foreach (var pidFile in Directory.EnumerateFiles(directory, PidFileName, SearchOption.AllDirectories))
                {
                    if (ProcessIdentity.Parse(File.ReadAllText(pidFile)) is { } orphan)
                    {
                        await StopOrphanAsync(orphan);
                    }
                }

                DeleteTree(directory);
            }

            File.Delete(lockPath);
        }
    }

    /// <summary>
    /// SIGTERM stops both kinds of server cleanly (PostgreSQL's smart shutdown does not wait long: its clients
    /// died with their test process); the process tree is killed if that takes too long.
    /// </summary>
    private static async Task StopOrphanAsync(ProcessIdentity orphan)
    {
        if (!orphan.IsRunning)
        {
            return;
        }

        Posix.Signal(orphan.Pid, Posix.SigTerm);
        var stopping = Stopwatch.StartNew();
        while (orphan.IsRunning && stopping.Elapsed < s_orphanGrace)
        {
            await Task.Delay(100);
        }

        if (orphan.IsRunning)
        {
            try
            {
                using var process = Process.GetProcessById(orphan.Pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // It exited after all.
            }
        }
    }

    private static string CreateTraversableDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Platform.Testing runs PostgreSQL and RabbitMQ through Linux shell scripts.");
        }

        Directory.CreateDirectory(path);

        // Set after creation because a creation mode would be narrowed by the umask.
        File.SetUnixFileMode(path, Traversable);

        return path;
    }

    private static void DeleteTree(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static string RandomSuffix() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);

    // LockFile and Sigterm are kept reachable: finalizing either would release the lock or the signal handler.
    private sealed record Session(string Directory, string LockPath, FileStream LockFile, PosixSignalRegistration Sigterm);
}
