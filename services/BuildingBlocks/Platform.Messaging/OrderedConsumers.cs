using MassTransit;

namespace Platform.Messaging;

/// <summary>Consumers that must apply their messages in the order they were published, however many replicas run.</summary>
public static class OrderedConsumers
{
    /// <summary>
    /// Adds <typeparamref name="TConsumer"/> on an endpoint that hands out one message at a time to one consumer at a time
    /// across every replica of the service: RabbitMQ's single active consumer on the queue, so a second replica waits as
    /// a standby and takes over when the active one disconnects, instead of taking every other message.
    /// </summary>
    /// <remarks>
    /// An existing queue keeps the arguments it was declared with: a queue created before without single active consumer
    /// must be deleted (it is re-declared on start) before the service starts with this.
    /// </remarks>
    public static IConsumerRegistrationConfigurator<TConsumer> AddOrderedConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
    {
        ArgumentNullException.ThrowIfNull(bus);
        return bus.AddConsumer<TConsumer, OrderedConsumerDefinition<TConsumer>>();
    }

    private sealed class OrderedConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
        where TConsumer : class, IConsumer
    {
        public OrderedConsumerDefinition()
        {
            ConcurrentMessageLimit = 1;
            Endpoint(endpoint => endpoint.PrefetchCount = 1);
        }

        protected override void ConfigureConsumer(
            IReceiveEndpointConfigurator endpointConfigurator,
            IConsumerConfigurator<TConsumer> consumerConfigurator,
            IRegistrationContext context)
        {
            if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SingleActiveConsumer = true;
            }
        }
    }
}
