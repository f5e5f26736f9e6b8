using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Platform.Testing;

/// <summary>
/// A real RabbitMQ broker for integration tests: a throwaway node started from <c>infra/local/rabbitmq.sh</c>,
/// or an external broker named by <see cref="SharedServers"/>.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const int MaxStartAttempts = 3;
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_handshakeTimeout = TimeSpan.FromSeconds(2);

    // The protocol header of AMQP 0-9-1; a broker that is ready answers with a Connection.Start method frame.
    private static readonly byte[] s_protocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();
    private const byte MethodFrame = 1;

    private readonly IVirtualHostAdministration? _administration;
    private readonly LocalNode? _node;
    private readonly bool _shared;
    private ServerProcess? _process;

    private RabbitMqServer(string connectionString, int port, IVirtualHostAdministration? administration, LocalNode? node, ServerProcess? process, bool shared)
    {
        ConnectionString = connectionString;
        Port = port;
        _administration = administration;
        _node = node;
        _process = process;
        _shared = shared;
    }

    /// <summary>The default virtual host, e.g. <c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The AMQP port; it stays the same across <see cref="StopAsync"/> and <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>Starts a new throwaway node on free ports. Its data lives in a temporary folder and is deleted when it is disposed.</summary>
    public static Task<RabbitMqServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(shared: false, cancellationToken);

    internal static async Task<RabbitMqServer> StartAsync(bool shared, CancellationToken cancellationToken)
    {
        var instanceDirectory = ScratchSpace.CreateInstanceDirectory("rabbitmq");
        var nodeName = $"gongzhi-test-{Path.GetFileName(instanceDirectory)}@localhost";
        try
        {
            for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
            {
                var ports = FreePorts.Take(2);
                var node = new LocalNode(instanceDirectory, nodeName, ports[0], ports[1]);
                var process = await node.TryStartAsync(cancellationToken);
                if (process is not null)
                {
                    return new RabbitMqServer(
                        $"amqp://guest:guest@127.0.0.1:{node.Port}/", node.Port,
                        new RabbitMqCtl(node.DataDirectory, nodeName), node, process, shared);
                }
            }

            throw new InvalidOperationException(
                $"RabbitMQ could not start: its free ports were taken by another process {MaxStartAttempts} times in a row.");
        }
        catch
        {
            ScratchSpace.DeleteInstanceDirectory(instanceDirectory);
            throw;
        }
    }

    internal static RabbitMqServer External(Uri amqp, Uri? management)
    {
        var port = amqp.IsDefaultPort ? (amqp.Scheme == "amqps" ? 5671 : 5672) : amqp.Port;
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);
        return new RabbitMqServer(
            amqp.OriginalString, port, management is null ? null : new ManagementApi(management, user), node: null, process: null, shared: true);
    }

    /// <summary>Creates a virtual host with a unique name, on which the broker's user has full permissions; disposing it deletes it.</summary>
    /// <remarks>One per test class keeps test classes isolated on a shared broker.</remarks>
    public async Task<TestVirtualHost> CreateVirtualHostAsync(CancellationToken cancellationToken = default)
    {
        var administration = _administration ?? throw new InvalidOperationException(
            $"Virtual hosts of an external broker are created through its management API: set {SharedServers.RabbitMqManagementVariable}, e.g. http://guest:guest@host:15672.");
        var name = $"test-{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12)}";
        await administration.CreateAsync(name, cancellationToken);

        var root = new Uri(ConnectionString).GetLeftPart(UriPartial.Authority);
        return new TestVirtualHost(name, $"{root}/{Uri.EscapeDataString(name)}", administration);
    }

    /// <summary>Stops the node gracefully, keeping its data, to test how services ride out a broker outage.</summary>
    /// <exception cref="InvalidOperationException">The broker is shared: stopping it would break every other test class using it.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        EnsureOwnNode();
        if (_process is not null)
        {
            await _process.StopAsync(Posix.SigTerm, s_stopGrace, cancellationToken);
            _process = null;
        }
    }

    /// <summary>Starts the node again on the same port, with the data it had, and waits until it accepts AMQP connections.</summary>
    /// <exception cref="InvalidOperationException">The broker is shared, or another process took its port while it was stopped.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        _process = await _node!.TryStartAsync(cancellationToken) ?? throw new InvalidOperationException(
            $"RabbitMQ could not restart: another process took port {_node.Port} or {_node.DistributionPort} while it was stopped.");
    }

    /// <summary>Stops a node started by <see cref="StartAsync(CancellationToken)"/> and deletes its data.</summary>
    /// <remarks>
    /// Does nothing for a broker from <see cref="SharedServers"/>: other test classes still use it, and it stops
    /// when the test process exits.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        if (_shared || _node is null)
        {
            return;
        }

        if (_process is not null)
        {
            await _process.ShutdownAsync();
            _process = null;
        }

        ScratchSpace.DeleteInstanceDirectory(_node.InstanceDirectory);
    }

    private void EnsureOwnNode()
    {
        if (_shared || _node is null)
        {
            throw new InvalidOperationException(
                "Only a broker from RabbitMqServer.StartAsync can be stopped: a shared one serves other test classes at the same time.");
        }
    }

    private static async Task<bool> AcceptsAmqpAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_handshakeTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(s_protocolHeader, timeout.Token);
            var reply = new byte[1];
            return await stream.ReadAsync(reply, timeout.Token) == 1 && reply[0] == MethodFrame;
        }
        catch (Exception exception) when (exception is SocketException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private sealed record LocalNode(string InstanceDirectory, string NodeName, int Port, int DistributionPort)
    {
        public string DataDirectory => Path.Combine(InstanceDirectory, "data");

        public Task<ServerProcess?> TryStartAsync(CancellationToken cancellationToken) =>
            ServerProcess.TryStartAsync(
                "RabbitMQ",
                "rabbitmq.sh",
                [
                    "--data-dir", DataDirectory,
                    "--port", Port.ToString(CultureInfo.InvariantCulture),
                    "--dist-port", DistributionPort.ToString(CultureInfo.InvariantCulture),
                    "--node-name", NodeName,
                ],
                InstanceDirectory,
                // Killing is the quick way to be rid of a node whose data is deleted next; a graceful stop takes seconds.
                shutdownSignal: null,
                token => AcceptsAmqpAsync(Port, token),
                cancellationToken);
    }
}
