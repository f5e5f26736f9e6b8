namespace Platform.AppHost.LocalServers;

/// <summary>
/// A RabbitMQ node run as a local process by <c>infra/local/rabbitmq.sh</c>, with the default
/// <c>guest</c>/<c>guest</c> account (which RabbitMQ only accepts over loopback).
/// </summary>
/// <param name="name">The resource name, also the name of its connection string.</param>
/// <param name="script">The full path of the script that runs the node in the foreground.</param>
/// <param name="workingDirectory">The directory the script runs in.</param>
public sealed class LocalRabbitMqResource(string name, string script, string workingDirectory)
    : ExecutableResource(name, script, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "amqp";
    internal const string DistributionEndpointName = "dist";

    /// <summary>The AMQP endpoint the node listens on.</summary>
    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    /// <summary>The Erlang distribution endpoint, which <c>rabbitmqctl</c> reaches the node through.</summary>
    public EndpointReference DistributionEndpoint => field ??= new(this, DistributionEndpointName);

    /// <summary>The AMQP URI of the node.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}
