using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceHost.Data;

namespace Platform.ServiceHost;

/// <summary>What <see cref="PlatformServiceExtensions.AddPlatformService{TContext}"/> returns: a service's particular start-up steps.</summary>
/// <param name="name">The service's short name.</param>
/// <param name="services">The service's registrations.</param>
public sealed class PlatformServiceBuilder(string name, IServiceCollection services)
{
    /// <summary>The service's short name, e.g. <c>residents</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The service's registrations.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// Runs <typeparamref name="TSeeder"/> (resolved in a scope of its own) on every start, after the schema migration
    /// and before the bus and the server start. Seeders run in the order they are added.
    /// </summary>
    /// <typeparam name="TSeeder">The seeder.</typeparam>
    /// <returns>The same builder, for chaining.</returns>
    public PlatformServiceBuilder SeedWith<TSeeder>()
        where TSeeder : class, IDatabaseSeeder
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IDatabaseSeeder, TSeeder>());
        return this;
    }
}
