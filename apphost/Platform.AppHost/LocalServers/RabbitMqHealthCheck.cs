using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Platform.AppHost.LocalServers;

/// <summary>Healthy when an AMQP connection opens, which proves the broker is up and accepts the credentials.</summary>
internal sealed class RabbitMqHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await resource.GetConnectionStringAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{resource.Name}' has no connection string yet.");

        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            ClientProvidedName = "aspire-health-check",
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
