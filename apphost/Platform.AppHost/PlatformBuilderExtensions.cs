using Microsoft.Extensions.Configuration;
using Platform.AppHost.LocalServers;

namespace Platform.AppHost;

/// <summary>Adds the Gongzhi platform to an Aspire application.</summary>
public static class PlatformBuilderExtensions
{
    /// <summary>Where local servers keep their data; relative paths start at the repository root.</summary>
    public const string DataDirectoryKey = "Platform:DataDirectory";

    /// <summary>The port of the local PostgreSQL server.</summary>
    public const string PostgresPortKey = "Platform:Postgres:Port";

    /// <summary>The AMQP port of the local RabbitMQ node.</summary>
    public const string RabbitMqPortKey = "Platform:RabbitMq:Port";

    /// <summary>The port the gateway is reachable on.</summary>
    public const string GatewayPortKey = "Platform:Gateway:Port";

    private const string PostgresName = "postgres";
    private const string RabbitMqName = "rabbitmq";
    private const string GatewayName = "gateway";

    // Away from the servers' defaults (5432, 5672) so that system-wide installations do not clash.
    private const int DefaultPostgresPort = 54320;
    private const int DefaultRabbitMqPort = 56720;
    private const int DefaultGatewayPort = 8080;

    // Only ever used for the local development cluster; override with Parameters:postgres-password.
    private const string DevelopmentPostgresPassword = "Gongzhi-Dev-2026!";

    /// <summary>
    /// Adds PostgreSQL with the given databases, RabbitMQ and the gateway.
    /// </summary>
    /// <remarks>
    /// PostgreSQL and RabbitMQ run as local processes through <c>infra/local/*.sh</c>, with their data under
    /// <c>Platform:DataDirectory</c> (default <c>&lt;repository&gt;/.data</c>) and on the ports
    /// <c>Platform:Postgres:Port</c> (default 54320) and <c>Platform:RabbitMq:Port</c> (default 56720); the
    /// databases are created when PostgreSQL is ready. When <c>ConnectionStrings:postgres</c> or
    /// <c>ConnectionStrings:rabbitmq</c> is configured, that server is used instead of a local one, and each
    /// database's connection string is the server's with the database name; services then create their database
    /// when they migrate. The gateway listens on <c>Platform:Gateway:Port</c> (default 8080).
    /// </remarks>
    /// <param name="builder">The application builder.</param>
    /// <param name="databases">The databases, one per service, such as <c>identitydb</c>.</param>
    /// <returns>The platform, to add services to.</returns>
    public static PlatformBuilder AddPlatform(this IDistributedApplicationBuilder builder, params IEnumerable<string> databases)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(databases);

        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var localServers = new LocalServerLocations(
            Scripts: Path.Combine(repositoryRoot, "infra", "local"),
            Data: Path.GetFullPath(builder.Configuration[DataDirectoryKey] ?? ".data", repositoryRoot));

        var rabbitMq = builder.AddRabbitMq(localServers);
        var serviceDatabases = builder.AddPostgres(localServers, databases);

        var gateway = builder.AddProject<Projects.Platform_Gateway>(GatewayName)
            .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue(GatewayPortKey, DefaultGatewayPort))
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck(PlatformBuilder.HealthPath);

        return new PlatformBuilder(builder, rabbitMq, serviceDatabases, gateway, localServers.Data);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRabbitMq(
        this IDistributedApplicationBuilder builder, LocalServerLocations localServers) =>
        builder.Configuration.GetConnectionString(RabbitMqName) is null
            ? builder.AddLocalRabbitMq(
                RabbitMqName,
                Path.Combine(localServers.Scripts, "rabbitmq.sh"),
                Path.Combine(localServers.Data, RabbitMqName),
                builder.Configuration.GetValue(RabbitMqPortKey, DefaultRabbitMqPort))
            : builder.AddConnectionString(RabbitMqName).WithRabbitMqHealthCheck();

    private static Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> AddPostgres(
        this IDistributedApplicationBuilder builder, LocalServerLocations localServers, IEnumerable<string> databases)
    {
        if (builder.Configuration.GetConnectionString(PostgresName) is null)
        {
            var server = builder.AddLocalPostgres(
                PostgresName,
                Path.Combine(localServers.Scripts, "postgres.sh"),
                Path.Combine(localServers.Data, PostgresName),
                builder.Configuration.GetValue(PostgresPortKey, DefaultPostgresPort),
                builder.AddParameter($"{PostgresName}-password", DevelopmentPostgresPassword, secret: true));

            return databases.ToDictionary(
                database => database,
                IResourceBuilder<IResourceWithConnectionString> (database) => server.AddDatabase(database));
        }

        var external = builder.AddConnectionString(PostgresName).WithNpgsqlHealthCheck();
        return databases.ToDictionary(
            database => database,
            IResourceBuilder<IResourceWithConnectionString> (database) => builder
                .AddConnectionString(database, ReferenceExpression.Create($"{external.Resource};Database={database}"))
                .WaitFor(external));
    }

    private sealed record LocalServerLocations(string Scripts, string Data);
}
