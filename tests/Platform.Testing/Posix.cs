using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Platform.Testing;

/// <summary>Signals for graceful shutdown, which <see cref="System.Diagnostics.Process"/> cannot send in .NET 10.</summary>
internal static partial class Posix
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private const int NoSuchProcess = 3;

    /// <returns><see langword="false"/> when the process no longer exists.</returns>
    public static bool Signal(int pid, int signal)
    {
        if (Kill(pid, signal) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == NoSuchProcess ? false : throw new Win32Exception(error);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
