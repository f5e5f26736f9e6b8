using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Platform.Residents.Contracts;

namespace Platform.Benchmarks.DemandFiling;

/// <summary>
/// A bus of its own on the broker, with its own queue bound to <see cref="DemandReceivedIntegrationEvent"/> as any
/// consuming service's would be, that notes when each demand's event arrived; it also publishes as the Districts
/// service would.
/// </summary>
internal sealed class EventCounter : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private EventCounter(IBusControl bus, ConcurrentDictionary<Guid, long> arrivals)
    {
        _bus = bus;
        Arrivals = arrivals;
    }

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) the event of each demand arrived.</summary>
    public ConcurrentDictionary<Guid, long> Arrivals { get; }

    /// <summary>The bus, for publishing.</summary>
    public IBus Bus => _bus;

    /// <summary>Connects to <paramref name="broker"/> and starts counting.</summary>
    public static async Task<EventCounter> StartAsync(Uri broker)
    {
        var arrivals = new ConcurrentDictionary<Guid, long>();
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker);
            rabbit.ReceiveEndpoint("demand-filing-benchmark", endpoint => endpoint.Handler<DemandReceivedIntegrationEvent>(context =>
            {
                arrivals.TryAdd(context.Message.DemandId, Stopwatch.GetTimestamp());
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync();
        return new EventCounter(bus, arrivals);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
