using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.AppHost.LocalServers;

/// <summary>
/// Adds PostgreSQL and RabbitMQ as local processes (no containers), with health checks so that
/// <c>WaitFor</c> waits until they really serve requests.
/// </summary>
public static class LocalServerBuilderExtensions
{
    private const string DatabaseResourceType = "PostgresDatabase";

    /// <summary>Adds a PostgreSQL server run by <c>infra/local/postgres.sh</c>.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name, also the name of its connection string.</param>
    /// <param name="script">The full path of <c>postgres.sh</c>.</param>
    /// <param name="dataDirectory">Where the cluster lives; it is initialised on first start.</param>
    /// <param name="port">The port to listen on, on 127.0.0.1.</param>
    /// <param name="password">The superuser password; only used when the cluster is initialised.</param>
    /// <returns>The server's resource builder.</returns>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        string script,
        string dataDirectory,
        int port,
        IResourceBuilder<ParameterResource> password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        var server = new LocalPostgresResource(name, script, Path.GetDirectoryName(script)!, password.Resource);
        return builder.AddResource(server)
            .WithArgs("--data-dir", dataDirectory, "--port", port.ToString(CultureInfo.InvariantCulture), "--password", password.Resource)
            // The script binds the port itself, so DCP must not put a proxy in front of it.
            .WithEndpoint(port: port, targetPort: port, name: LocalPostgresResource.EndpointName, isProxied: false)
            .WithNpgsqlHealthCheck();
    }

    /// <summary>
    /// Adds a database to a local PostgreSQL server. It is created, unless it already exists, as soon as the server
    /// is healthy, and is healthy itself once a query runs against it.
    /// </summary>
    /// <param name="server">The server's resource builder.</param>
    /// <param name="name">The resource name, also the database name and the name of its connection string.</param>
    /// <returns>The database's resource builder.</returns>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresResource> server, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(server);

        var database = new LocalPostgresDatabaseResource(name, server.Resource);

        // DCP only knows the server process; the database's state is ours to publish.
        server.OnResourceReady((_, ready, cancellationToken) => CreateDatabaseAsync(database, ready.Services, cancellationToken));

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = DatabaseResourceType,
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithNpgsqlHealthCheck();
    }

    /// <summary>Adds a RabbitMQ node run by <c>infra/local/rabbitmq.sh</c>.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name, also the name of its connection string.</param>
    /// <param name="script">The full path of <c>rabbitmq.sh</c>.</param>
    /// <param name="dataDirectory">Where the node keeps its state.</param>
    /// <param name="port">The AMQP port to listen on, on loopback.</param>
    /// <returns>The node's resource builder.</returns>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string script, string dataDirectory, int port)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var node = new LocalRabbitMqResource(name, script, Path.GetDirectoryName(script)!);
        return builder.AddResource(node)
            .WithEndpoint(port: port, targetPort: port, name: LocalRabbitMqResource.EndpointName, isProxied: false)
            // Erlang distribution needs a port too; its default (AMQP + 20000) overflows for AMQP ports above 45535.
            .WithEndpoint(name: LocalRabbitMqResource.DistributionEndpointName, isProxied: false)
            .WithArgs(
                "--data-dir", dataDirectory,
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--dist-port", node.DistributionEndpoint.Property(EndpointProperty.TargetPort))
            .WithRabbitMqHealthCheck();
    }

    /// <summary>Marks the resource healthy only while a query runs against its PostgreSQL connection string.</summary>
    /// <typeparam name="T">The kind of resource.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <returns>The same resource builder.</returns>
    public static IResourceBuilder<T> WithNpgsqlHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString =>
        builder.WithConnectionHealthCheck("npgsql", new NpgsqlHealthCheck(builder.Resource));

    /// <summary>Marks the resource healthy only while an AMQP connection opens with its connection string.</summary>
    /// <typeparam name="T">The kind of resource.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <returns>The same resource builder.</returns>
    public static IResourceBuilder<T> WithRabbitMqHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString =>
        builder.WithConnectionHealthCheck("amqp", new RabbitMqHealthCheck(builder.Resource));

    private static IResourceBuilder<T> WithConnectionHealthCheck<T>(this IResourceBuilder<T> builder, string kind, IHealthCheck check)
        where T : IResourceWithConnectionString
    {
        ArgumentNullException.ThrowIfNull(builder);

        var key = $"{builder.Resource.Name}-{kind}";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddCheck(key, check);
        return builder.WithHealthCheck(key);
    }

    private static async Task CreateDatabaseAsync(LocalPostgresDatabaseResource database, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
        try
        {
            if (await NpgsqlAdmin.EnsureDatabaseAsync(database, cancellationToken))
            {
                logger.LogInformation("Created database {Database}.", database.DatabaseName);
            }

            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
        catch (NpgsqlException exception)
        {
            logger.LogError(exception, "Could not create database {Database}.", database.DatabaseName);
            await notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.FailedToStart });
        }
    }
}
