using System.Text;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Messaging.Tests;

public sealed class ErrorQueueTests(ShopFixture fixture) : IClassFixture<ShopFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consume_ConsumerKeepsFailing_MessageEndsInErrorQueueAndEffectIsRolledBack()
    {
        var poison = new PoisonIntegrationEvent { TenantId = fixture.District.Id };

        await fixture.Shop.PublishDirectlyAsync(poison, Cancel);

        var factory = new ConnectionFactory { Uri = new Uri(fixture.VirtualHostConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        var errorQueue = PoisonConsumer.Queue + "_error";
        var dead = await Eventually.ReturnsAsync(async () => await QueueExistsAsync(connection, errorQueue) ? await channel.BasicGetAsync(errorQueue, autoAck: false, Cancel) : null, Cancel);

        Assert.Contains(poison.EventId.ToString(), Encoding.UTF8.GetString(dead.Body.Span), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await fixture.Shop.AppliedEventsAsync(fixture.District, Cancel), e => e.EventId == poison.EventId);
    }

    // A passive declare of a missing queue closes the channel, so it is probed on a throwaway channel.
    private static async Task<bool> QueueExistsAsync(IConnection connection, string queue)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: Cancel);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, Cancel);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }
}
