using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

/// <summary>
/// The Gongzhi platform in the application model: the shared RabbitMQ, one PostgreSQL database per service, and the
/// gateway in front of the services. Each service joins with one <see cref="AddService{TProject}"/> call.
/// </summary>
public sealed class PlatformBuilder
{
    /// <summary>
    /// The configuration section that sets how many instances of a service run, by service name:
    /// <c>Platform:Replicas:residents=2</c> (default 1). The instances share the service's database and queues, and the
    /// gateway's requests to the service are balanced between them.
    /// </summary>
    public const string ReplicasSection = "Platform:Replicas";

    // Mapped by Platform.ServiceDefaults in every service and the gateway.
    internal const string HealthPath = "/health";

    private readonly IDistributedApplicationBuilder _builder;
    private readonly IResourceBuilder<IResourceWithConnectionString> _rabbitMq;
    private readonly IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases;
    private readonly string _dataDirectory;
    private IResourceBuilder<ProjectResource>? _identity;

    internal PlatformBuilder(
        IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> rabbitMq,
        IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> databases,
        IResourceBuilder<ProjectResource> gateway,
        string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _builder = builder;
        _rabbitMq = rabbitMq;
        _databases = databases;
        Gateway = gateway;
    }

    /// <summary>The gateway, which routes to every service added with <see cref="AddService{TProject}"/>.</summary>
    public IResourceBuilder<ProjectResource> Gateway { get; }

    /// <summary>
    /// Adds a service that uses RabbitMQ and, optionally, its own database, and that the gateway routes to.
    /// </summary>
    /// <remarks>
    /// The service starts once RabbitMQ and its database are healthy, and gets them as the connection strings
    /// <c>rabbitmq</c> and <c>&lt;database&gt;</c>. It runs as many instances as <see cref="ReplicasSection"/> names. The gateway gets the service's address for service discovery
    /// and starts once the service answers its health endpoint.
    /// <code>
    /// platform.AddService&lt;Projects.Platform_Identity&gt;("identity", database: "identitydb");
    /// </code>
    /// </remarks>
    /// <typeparam name="TProject">The generated project metadata type, such as <c>Projects.Platform_Identity</c>.</typeparam>
    /// <param name="name">The service name; the gateway's cluster address is <c>http://&lt;name&gt;</c>.</param>
    /// <param name="database">One of the databases given to <see cref="PlatformBuilderExtensions.AddPlatform"/>, or none.</param>
    /// <returns>The service's resource builder, for service-specific configuration.</returns>
    public IResourceBuilder<ProjectResource> AddService<TProject>([ResourceName] string name, string? database = null)
        where TProject : IProjectMetadata, new()
    {
        var service = _builder.AddProject<TProject>(name)
            .WithReplicas(_builder.Configuration.GetValue($"{ReplicasSection}:{name}", 1))
            .WithHttpHealthCheck(HealthPath)
            .WithReference(_rabbitMq)
            .WaitFor(_rabbitMq);

        if (database is not null)
        {
            if (!_databases.TryGetValue(database, out var serviceDatabase))
            {
                throw new ArgumentException($"'{database}' is not one of the platform's databases.", nameof(database));
            }

            service.WithReference(serviceDatabase).WaitFor(serviceDatabase);
        }

        if (_identity is not null)
        {
            TrustIdentity(service);
        }

        Gateway.WithReference(service).WaitFor(service);
        return service;
    }

    /// <summary>
    /// Adds the identity service (the token issuer) like any other service, names the gateway's public origin as
    /// its issuer, keeps its signing keys under the data folder, and makes the gateway and every service added
    /// afterwards validate tokens against it. Add it before the other services.
    /// </summary>
    /// <typeparam name="TProject">The identity service's project.</typeparam>
    /// <param name="name">Resource name, which is also its service-discovery name.</param>
    /// <param name="database">The identity database.</param>
    /// <returns>The identity service resource.</returns>
    public IResourceBuilder<ProjectResource> AddIdentity<TProject>([ResourceName] string name, string database)
        where TProject : IProjectMetadata, new()
    {
        var identity = AddService<TProject>(name, database)
            .WithEnvironment("Identity__Issuer", Gateway.GetEndpoint("http"))
            .WithEnvironment("Identity__KeyDirectory", Path.Combine(_dataDirectory, name, "keys"));
        _identity = identity;
        TrustIdentity(Gateway);
        return identity;
    }

    /// <summary>
    /// Adds the web portal, which the gateway serves at <c>/</c> on the public origin, and registers its sign-in and
    /// sign-out callback addresses on that origin with the identity service. Add it after the identity service.
    /// </summary>
    /// <remarks>
    /// The portal needs no bus: it signs users in at the token server and calls the APIs through the gateway
    /// (<c>Portal:Gateway</c>), both on the public origin, so that the token issuer it sees is the one the services
    /// trust. Its database keeps the sessions and the key ring its replicas share (as many as <see cref="ReplicasSection"/> names).
    /// </remarks>
    /// <typeparam name="TProject">The portal's project.</typeparam>
    /// <param name="name">Resource name, which is also its service-discovery name.</param>
    /// <param name="database">One of the databases given to <see cref="PlatformBuilderExtensions.AddPlatform"/>.</param>
    /// <returns>The portal resource.</returns>
    public IResourceBuilder<ProjectResource> AddPortal<TProject>([ResourceName] string name, string database)
        where TProject : IProjectMetadata, new()
    {
        if (_identity is null)
        {
            throw new InvalidOperationException("Add the identity service before the portal.");
        }

        if (!_databases.TryGetValue(database, out var portalDatabase))
        {
            throw new ArgumentException($"'{database}' is not one of the platform's databases.", nameof(database));
        }

        var publicOrigin = Gateway.GetEndpoint("http");
        var portal = _builder.AddProject<TProject>(name)
            .WithReplicas(_builder.Configuration.GetValue($"{ReplicasSection}:{name}", 1))
            .WithHttpHealthCheck(HealthPath)
            .WithReference(portalDatabase)
            .WaitFor(portalDatabase)
            .WithEnvironment("Portal__Gateway", publicOrigin);
        // Index 0 is the identity service's own default; the portal's addresses follow it.
        _identity.WithEnvironment("Identity__PortalRedirectUris__1", ReferenceExpression.Create($"{publicOrigin}/signin-oidc"))
            .WithEnvironment("Identity__PortalPostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicOrigin}/signout-callback-oidc"));
        Gateway.WithReference(portal).WaitFor(portal);
        return portal;
    }

    // Token validation fetches the issuer's discovery document through service discovery (http://identity).
    private void TrustIdentity(IResourceBuilder<ProjectResource> resource) =>
        resource.WithReference(_identity!)
            .WithEnvironment("Identity__Authority", $"http://{_identity!.Resource.Name}");
}
