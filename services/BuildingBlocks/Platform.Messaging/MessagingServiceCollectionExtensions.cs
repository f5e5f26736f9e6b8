using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Districts.Contracts;
using Platform.Messaging.CatchUp;
using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy.Messaging;

namespace Platform.Messaging;

/// <summary>Wires a service to the platform bus.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>Name of the RabbitMQ connection string (an <c>amqp://</c> URI), as the AppHost provides it.</summary>
    public const string ConnectionStringName = "rabbitmq";

    /// <summary>
    /// Connects the service to RabbitMQ through MassTransit: endpoints named <c>{service}-{consumer}</c> in
    /// kebab case on quorum queues, retries with exponential back-off then the error queue, the tenant carried
    /// as a header and entered on consume, an inbox that applies each event once, and a transactional outbox
    /// relay for events added with <see cref="OutboxExtensions.AddIntegrationEvent"/>.
    /// Every service also consumes the district lifecycle events that keep its tenant catalogue current, and
    /// catches that catalogue up with the Districts service at start (<see cref="TenantCatalogCatchUp"/>).
    /// </summary>
    /// <typeparam name="TContext">The service's DbContext; its model must include <see cref="MessagingModelBuilderExtensions.ApplyMessagingModel"/>.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="serviceName">Short service name, e.g. <c>residents</c>; prefixes the service's queues.</param>
    /// <param name="configureConsumers">Registers the service's consumers.</param>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionStringName}' is missing.");

        var services = builder.Services;
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        var options = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddScoped(sp => new MessagingDbContext(sp.GetRequiredService<TContext>()));

        // Start-up completes only once every receive endpoint is bound: an event published earlier would reach
        // an exchange with no queue behind it and be dropped by the broker.
        services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);

        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            bus.AddConsumer<DistrictOnboardedConsumer>();
            bus.AddConsumer<DistrictStatusChangedConsumer>();
            bus.AddRequestClient<DistrictCatalogRequest>();
            configureConsumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    options.RetryLimit,
                    options.RetryMinInterval,
                    options.RetryMaxInterval,
                    options.RetryMinInterval));
                rabbit.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                rabbit.UseConsumeFilter(typeof(InboxFilter<>), context);
                rabbit.UsePublishFilter(typeof(TenantPublishFilter<>), context);
                rabbit.UseSendFilter(typeof(TenantSendFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // Hosted services start in registration order, so the relay and the catch-up start after the bus is up.
        services.AddHostedService<OutboxRelay<TContext>>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<TenantCatalogCatchUp>(sp, serviceName));
        return builder;
    }

    /// <summary>
    /// Wakes the outbox relay when this context commits. Add to the service DbContext's options together with
    /// tenant isolation: <c>options.UseNpgsql(...).UseTenantIsolation().UseOutboxSignal(sp)</c>.
    /// </summary>
    public static DbContextOptionsBuilder UseOutboxSignal(this DbContextOptionsBuilder optionsBuilder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        return optionsBuilder.AddInterceptors(new OutboxSignalInterceptor(services.GetRequiredService<OutboxSignal>()));
    }
}
