using System.Net;
using System.Net.Sockets;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Testing.Tests;

public sealed class RabbitMqServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateVirtualHostAsync_Always_CarriesMessagesOverAmqp()
    {
        await using var virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(Cancel);

        await using var connection = await ConnectAsync(virtualHost.ConnectionString);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        await channel.QueueDeclareAsync("greetings", durable: false, exclusive: false, autoDelete: false, cancellationToken: Cancel);
        await channel.BasicPublishAsync("", "greetings", Encoding.UTF8.GetBytes("hello"), Cancel);
        var message = await GetAsync(channel, "greetings");

        Assert.Equal("hello", Encoding.UTF8.GetString(message.Body.Span));
        Assert.EndsWith("/" + virtualHost.Name, virtualHost.ConnectionString);
    }

    [Fact]
    public async Task CreateVirtualHostAsync_Twice_KeepsQueuesOfOneOutOfTheOther()
    {
        var broker = await SharedServers.RabbitMqAsync();
        await using var first = await broker.CreateVirtualHostAsync(Cancel);
        await using var second = await broker.CreateVirtualHostAsync(Cancel);

        await using (var connection = await ConnectAsync(first.ConnectionString))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Cancel))
        {
            await channel.QueueDeclareAsync("only-in-first", durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancel);
        }

        await using var other = await ConnectAsync(second.ConnectionString);
        await using var otherChannel = await other.CreateChannelAsync(cancellationToken: Cancel);
        Assert.NotEqual(first.Name, second.Name);
        var notFound = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => otherChannel.QueueDeclarePassiveAsync("only-in-first", Cancel));
        Assert.Equal(Constants.NotFound, notFound.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task DisposeAsync_OfVirtualHost_DeletesIt()
    {
        var virtualHost = await (await SharedServers.RabbitMqAsync()).CreateVirtualHostAsync(Cancel);

        await virtualHost.DisposeAsync();

        // The broker completes the AMQP handshake and closes the connection right after: the first channel fails.
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(async () =>
        {
            await using var connection = await ConnectAsync(virtualHost.ConnectionString);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        });
        Assert.Equal(Constants.NotAllowed, refused.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task StopAsync_OnOwnNode_RefusesConnectionsOnItsPort()
    {
        await using var broker = await RabbitMqServer.StartAsync(Cancel);

        await broker.StopAsync(Cancel);

        using var client = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, broker.Port, Cancel).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task RestartAsync_AfterStop_AcceptsConnectionsOnSamePortWithDataKept()
    {
        await using var broker = await RabbitMqServer.StartAsync(Cancel);
        var port = broker.Port;
        await using var virtualHost = await broker.CreateVirtualHostAsync(Cancel);
        await using (var connection = await ConnectAsync(virtualHost.ConnectionString))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Cancel))
        {
            await channel.QueueDeclareAsync("survivor", durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancel);
            await channel.BasicPublishAsync("", "survivor", true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("kept"), Cancel);
        }

        await broker.StopAsync(Cancel);
        await broker.RestartAsync(Cancel);

        await using var reconnected = await ConnectAsync(virtualHost.ConnectionString);
        await using var reopened = await reconnected.CreateChannelAsync(cancellationToken: Cancel);
        Assert.Equal(port, broker.Port);
        Assert.Equal("kept", Encoding.UTF8.GetString((await GetAsync(reopened, "survivor")).Body.Span));
    }

    [Fact]
    public async Task StopAsync_OnSharedBroker_Throws()
    {
        var broker = await SharedServers.RabbitMqAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => broker.StopAsync(Cancel));
    }

    private static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(Cancel);

    private static async Task<BasicGetResult> GetAsync(IChannel channel, string queue) =>
        await channel.BasicGetAsync(queue, autoAck: true, Cancel) ?? throw new InvalidOperationException($"{queue} is empty.");
}
