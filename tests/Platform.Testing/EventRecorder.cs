using System.Collections.Concurrent;
using MassTransit;
using Platform.Contracts;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A bus on a test's RabbitMQ virtual host that keeps every integration event of the registered types, so a test
/// can prove what a service published through its outbox; it also publishes as another service would.
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private EventRecorder(IBusControl bus) => _bus = bus;

    /// <summary>Every recorded event, oldest first.</summary>
    public ConcurrentQueue<IIntegrationEvent> Events { get; } = new();

    /// <summary>The bus, for publishing as another service.</summary>
    public IBus Bus => _bus;

    /// <summary>Starts recording, on <paramref name="queueName"/>, the event types <paramref name="record"/> registers.</summary>
    public static async Task<EventRecorder> StartAsync(TestVirtualHost virtualHost, string queueName, Action<Registrations> record)
    {
        ArgumentNullException.ThrowIfNull(virtualHost);
        ArgumentNullException.ThrowIfNull(record);
        EventRecorder? recorder = null;
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(virtualHost.ConnectionString));
            rabbit.ReceiveEndpoint(queueName, endpoint => record(new Registrations(endpoint, () => recorder!.Events)));
        });
        recorder = new EventRecorder(bus);
        await bus.StartAsync(TestContext.Current.CancellationToken);
        return recorder;
    }

    /// <summary>Waits (up to 30 s) for an event of <typeparamref name="TEvent"/> matching <paramref name="match"/>.</summary>
    public async Task<TEvent> RecordedAsync<TEvent>(Func<TEvent, bool> match)
        where TEvent : IIntegrationEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Events.OfType<TEvent>().FirstOrDefault(match) is { } recorded)
            {
                return recorded;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {typeof(TEvent).Name} matching the test arrived within 30 s.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    /// <summary>Registers the event types to record.</summary>
    public sealed class Registrations(IReceiveEndpointConfigurator endpoint, Func<ConcurrentQueue<IIntegrationEvent>> events)
    {
        /// <summary>Records events of <typeparamref name="TEvent"/>.</summary>
        public Registrations Record<TEvent>()
            where TEvent : class, IIntegrationEvent
        {
            endpoint.Handler<TEvent>(context =>
            {
                events().Enqueue(context.Message);
                return Task.CompletedTask;
            });
            return this;
        }
    }
}
