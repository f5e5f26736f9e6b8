using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.MultiTenancy.EntityFramework;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.ServiceHost;

/// <summary>
/// The wiring every Gongzhi service shares, in one call for the registrations and one for the request pipeline,
/// so that a service's <c>Program.cs</c> lists only what is particular to it.
/// </summary>
public static class PlatformServiceExtensions
{
    /// <summary>
    /// Registers what every service has: the service defaults (telemetry, health, resilience, problem details),
    /// authentication, <typeparamref name="TContext"/> on PostgreSQL (connection string <c>{name}db</c>, with
    /// <see cref="ServiceConnectionStrings.WithPlatformDefaults"/>) with tenant
    /// isolation and the outbox signal, tenancy with the tenant catalogue, the bus with the service's consumers,
    /// enum values as snake_case strings in JSON, an OpenAPI document, <see cref="TimeProvider"/>, and a migrator
    /// that brings the schema up to date before the bus and the server start.
    /// </summary>
    /// <typeparam name="TContext">The service's database context.</typeparam>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="name">The short service name, e.g. <c>residents</c>: it names the connection string, the queues and the OpenAPI path.</param>
    /// <param name="consumers">Registers the service's own consumers (the tenant catalogue's are always there).</param>
    /// <param name="authentication">How callers are authenticated; only the token server sets up its own.</param>
    /// <returns>A builder for the service's start-up steps, such as seeding.</returns>
    /// <exception cref="InvalidOperationException">The connection string <c>{name}db</c> is not configured.</exception>
    public static PlatformServiceBuilder AddPlatformService<TContext>(
        this IHostApplicationBuilder builder,
        string name,
        Action<IBusRegistrationConfigurator>? consumers = null,
        ServiceAuthentication authentication = ServiceAuthentication.PlatformTokens)
        where TContext : DbContext, ITenantScopedDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        builder.AddServiceDefaults();
        if (authentication == ServiceAuthentication.PlatformTokens)
        {
            builder.AddPlatformAuthentication();
        }

        var services = builder.Services;
        services.AddSingleton(new PlatformServiceName(name));
        services.TryAddSingleton(TimeProvider.System);

        // Migrates while the host is starting, so before any hosted service starts, wherever it is registered.
        services.AddHostedService<DatabaseMigrator<TContext>>();

        var connectionStringName = $"{name}db";
        var connectionString = ServiceConnectionStrings.WithPlatformDefaults(
            builder.Configuration.GetConnectionString(connectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionStringName}' is missing: set ConnectionStrings:{connectionStringName} (the AppHost does)."));
        // The options are built once (a singleton), not for every request's context: they hold only the connection
        // string and two stateless interceptors, and building them per scope showed up in the demand-filing profile.
        services.AddDbContext<TContext>(
            (provider, options) => options.UseNpgsql(connectionString).UseTenantIsolation().UseOutboxSignal(provider),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddServiceTenancy<TContext>(builder.Configuration);
        builder.AddPlatformMessaging<TContext>(name, consumers);

        // Enums already travel by their wire names: AddServiceDefaults registers WireNameJsonConverter.
        services.AddOpenApi();

        return new PlatformServiceBuilder(name, services);
    }

    /// <summary>
    /// The request pipeline of every service, in its one correct order: writes that outlive their caller
    /// (<see cref="WritesOutliveTheirCaller"/>), <paramref name="configure"/>'s early
    /// middleware, authentication, tenant resolution, routing (after tenant resolution, which moves a
    /// <c>/t/{district}</c> prefix out of the path before endpoints are matched), authorization,
    /// <paramref name="configure"/>'s late middleware; then the health endpoints and the OpenAPI document at
    /// <c>/api/{name}/openapi/v1.json</c>. The service maps its own endpoints afterwards.
    /// </summary>
    /// <param name="app">The built service.</param>
    /// <param name="configure">Adds middleware in the two places a service may.</param>
    /// <returns>The same application, for mapping the service's endpoints.</returns>
    /// <exception cref="InvalidOperationException">The service was not registered with <see cref="AddPlatformService{TContext}"/>.</exception>
    public static WebApplication UsePlatformPipeline(this WebApplication app, Action<PlatformPipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = app.Services.GetService<PlatformServiceName>()?.Value
            ?? throw new InvalidOperationException($"Register the service with {nameof(AddPlatformService)} before {nameof(UsePlatformPipeline)}.");
        var options = new PlatformPipelineOptions();
        configure?.Invoke(options);

        app.UseWritesThatOutliveTheirCaller();
        options.BeforeAuthentication?.Invoke(app);
        app.UseAuthentication();
        app.UseMultiTenancy();
        app.UseRouting();
        app.UseAuthorization();
        options.AfterAuthorization?.Invoke(app);

        app.MapDefaultEndpoints();
        app.MapOpenApi($"/api/{name}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }

    private sealed record PlatformServiceName(string Value);
}
