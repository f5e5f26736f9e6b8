namespace Platform.AppHost.LocalServers;

/// <summary>
/// A PostgreSQL server run as a local process by <c>infra/local/postgres.sh</c>, with superuser <c>postgres</c>.
/// </summary>
/// <param name="name">The resource name, also the name of its connection string.</param>
/// <param name="script">The full path of the script that runs the server in the foreground.</param>
/// <param name="workingDirectory">The directory the script runs in.</param>
/// <param name="password">The superuser's password, set when the cluster is first initialised.</param>
public sealed class LocalPostgresResource(string name, string script, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, script, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    /// <summary>The endpoint the server listens on.</summary>
    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    /// <summary>The superuser's password.</summary>
    public ParameterResource Password { get; } = password;

    /// <summary>
    /// The superuser connection string without a database; the script binds to 127.0.0.1 only, so the host is fixed.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password}");
}
