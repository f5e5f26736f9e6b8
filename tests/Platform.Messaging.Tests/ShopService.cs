using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts;
using Platform.Districts.Contracts;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.MultiTenancy.Storage;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A running test service ("shop") wired exactly as real services are: PostgreSQL database, RabbitMQ virtual
/// host, tenant isolation, outbox relay, inbox and the tenant catalogue consumers.
/// </summary>
public sealed class ShopService : IAsyncDisposable
{
    private readonly IHost _host;

    private ShopService(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<ShopService> StartAsync(
        string databaseConnectionString, string rabbitMqConnectionString, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:rabbitmq"] = rabbitMqConnectionString;
        builder.Configuration["Messaging:RetryLimit"] = "2";
        builder.Configuration["Messaging:RetryMinInterval"] = "00:00:00.050";
        builder.Configuration["Messaging:RetryMaxInterval"] = "00:00:00.200";
        builder.Configuration["Messaging:PublishTimeout"] = "00:00:02";
        builder.Configuration["Messaging:OutboxMaxBackoff"] = "00:00:01";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMultiTenancy();
        builder.Services.AddTenantCatalog<ShopDbContext>();
        builder.Services.AddDbContext<ShopDbContext>((services, options) =>
            options.UseNpgsql(databaseConnectionString).UseTenantIsolation().UseOutboxSignal(services));
        builder.AddPlatformMessaging<ShopDbContext>("shop", bus =>
        {
            // One message at a time off the queue, so a marker event published last is also consumed last.
            bus.AddConsumer<OrderPlacedConsumer>().Endpoint(endpoint =>
            {
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.PrefetchCount = 1;
            });
            bus.AddConsumer<PoisonConsumer>();
        });

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }

        await host.StartAsync(cancellationToken);
        return new ShopService(host);
    }

    /// <summary>Onboards a district the way the Districts service does: by its event, through the outbox.</summary>
    public async Task<TenantInfo> OnboardDistrictAsync(string identifier, CancellationToken cancellationToken)
    {
        var district = new DistrictOnboardedIntegrationEvent { TenantId = Guid.NewGuid(), Identifier = identifier, Name = identifier + "区" };
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            db.AddIntegrationEvent(district);
            await db.SaveChangesAsync(cancellationToken);
        }

        var store = Services.GetRequiredService<ITenantStore>();
        return await Eventually.ReturnsAsync(() => store.FindByIdAsync(district.TenantId, cancellationToken).AsTask(), cancellationToken);
    }

    /// <summary>Places an order in <paramref name="tenant"/> and queues its event in the same transaction.</summary>
    public async Task<OrderPlacedIntegrationEvent> PlaceOrderAsync(TenantInfo tenant, CancellationToken cancellationToken, bool commit = true)
    {
        await using var scope = Services.CreateTenantScope(tenant, "test");
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = new Order { Title = "订单" };
        db.Orders.Add(order);
        var placed = new OrderPlacedIntegrationEvent { TenantId = tenant.Id, OrderId = order.Id };
        db.AddIntegrationEvent(placed);
        await db.SaveChangesAsync(cancellationToken);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return placed;
    }

    /// <summary>Publishes straight to the bus, bypassing the outbox, e.g. to simulate a redelivery.</summary>
    public Task PublishDirectlyAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        Services.GetRequiredService<IBus>().Publish(integrationEvent, integrationEvent.GetType(), cancellationToken);

    /// <summary>Every application of events in <paramref name="tenant"/>, read as that tenant.</summary>
    public async Task<List<AppliedEvent>> AppliedEventsAsync(TenantInfo tenant, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateTenantScope(tenant, "test");
        return await scope.ServiceProvider.GetRequiredService<ShopDbContext>().AppliedEvents.AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task<OutboxMessage> OutboxRowAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShopDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.EventId == eventId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
