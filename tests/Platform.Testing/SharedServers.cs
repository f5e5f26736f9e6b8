namespace Platform.Testing;

/// <summary>
/// The servers that all test classes of a test process share, each test class isolated in a database or virtual
/// host of its own. They start on first use and stop when the process exits; disposing them does nothing.
/// </summary>
/// <remarks>
/// Environment variables swap in external servers: <c>PLATFORM_TEST_POSTGRES</c> (an Npgsql connection string to a
/// superuser), <c>PLATFORM_TEST_RABBITMQ</c> (an AMQP URI) and, so that virtual hosts can be created on that
/// broker, <c>PLATFORM_TEST_RABBITMQ_MANAGEMENT</c> (the management API, e.g. <c>http://guest:guest@host:15672</c>).
/// A server that fails to start fails every test that asks for it, without retrying each time.
/// </remarks>
public static class SharedServers
{
    private const string PostgresVariable = "PLATFORM_TEST_POSTGRES";
    private const string RabbitMqVariable = "PLATFORM_TEST_RABBITMQ";
    internal const string RabbitMqManagementVariable = "PLATFORM_TEST_RABBITMQ_MANAGEMENT";

    private static readonly Lazy<Task<PostgresServer>> s_postgres = new(() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connectionString
            ? Task.FromResult(PostgresServer.External(connectionString))
            : PostgresServer.StartAsync(shared: true, CancellationToken.None));

    private static readonly Lazy<Task<RabbitMqServer>> s_rabbitMq = new(() =>
        Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } amqp
            ? Task.FromResult(RabbitMqServer.External(new Uri(amqp), ManagementEndpoint()))
            : RabbitMqServer.StartAsync(shared: true, CancellationToken.None));

    public static Task<PostgresServer> PostgresAsync() => s_postgres.Value;

    public static Task<RabbitMqServer> RabbitMqAsync() => s_rabbitMq.Value;

    private static Uri? ManagementEndpoint() =>
        Environment.GetEnvironmentVariable(RabbitMqManagementVariable) is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
}
