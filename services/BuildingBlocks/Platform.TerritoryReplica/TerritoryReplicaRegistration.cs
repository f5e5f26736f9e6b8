using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Platform.TerritoryReplica;

/// <summary>Registers the territory replica's consumer on a service's bus.</summary>
public static class TerritoryReplicaRegistration
{
    /// <summary>Adds <see cref="TerritoryReplicaConsumer{TContext}"/>, applying node events one at a time.</summary>
    public static IBusRegistrationConfigurator AddTerritoryReplica<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<TerritoryReplicaConsumer<TContext>>().Endpoint(endpoint =>
        {
            // Node events apply in the order they were published: a move must not overtake the node's creation.
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.PrefetchCount = 1;
        });
        return bus;
    }
}
