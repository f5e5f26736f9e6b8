using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Platform.Testing;

/// <summary>Signals for graceful shutdown, which <see cref="System.Diagnostics.Process"/> cannot send in .NET 10.</summary>
internal static partial class Posix
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private const int NoSuchProcess = 3;

    /// <summary>Sends <paramref name="signal"/>; a process that has exited meanwhile needs none.</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() is var error and not NoSuchProcess)
        {
            throw new Win32Exception(error);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
