using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Free loopback ports for servers and services that tests start as processes.</summary>
public static class FreePorts
{
    /// <summary>
    /// Asks the kernel for distinct free loopback ports. They are released before the server binds them, so
    /// another process may take one in between; callers retry when a server reports its port in use.
    /// </summary>
    public static int[] Take(int count)
    {
        var sockets = new Socket[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets[i].Bind(new IPEndPoint(IPAddress.Loopback, 0));
            }

            return [.. sockets.Select(socket => ((IPEndPoint)socket.LocalEndPoint!).Port)];
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket?.Dispose();
            }
        }
    }
}
