using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.Messaging;
using Platform.Messaging.CatchUp;

namespace Platform.TerritoryReplica;

/// <summary>Registers the territory replica's consumer on a service's bus.</summary>
public static class TerritoryReplicaRegistration
{
    /// <summary>
    /// Adds <see cref="TerritoryReplicaConsumer{TContext}"/>, applying node events one at a time, and the
    /// catch-up that fills or repairs the replica from the Districts service at start (<see cref="TerritoryReplicaCatchUp{TContext}"/>).
    /// </summary>
    public static IBusRegistrationConfigurator AddTerritoryReplica<TContext>(this IBusRegistrationConfigurator bus)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(bus);
        // Node events apply in the order they were published, on one replica at a time: a move must not overtake the
        // node's creation.
        bus.AddOrderedConsumer<TerritoryReplicaConsumer<TContext>>();
        bus.AddRequestClient<TerritorySnapshotRequest>();
        bus.AddScoped<ITenantCatchUpStep, TerritoryReplicaCatchUp<TContext>>();
        return bus;
    }
}
