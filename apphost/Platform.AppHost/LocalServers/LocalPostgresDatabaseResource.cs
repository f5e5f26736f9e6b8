namespace Platform.AppHost.LocalServers;

/// <summary>
/// A database on a <see cref="LocalPostgresResource"/>, created when the server is first ready.
/// </summary>
/// <param name="name">The resource name, which is also the database name and the connection string name.</param>
/// <param name="parent">The server that holds the database.</param>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    /// <summary>The server that holds the database.</summary>
    public LocalPostgresResource Parent { get; } = parent;

    /// <summary>The name of the database on the server.</summary>
    public string DatabaseName => Name;

    /// <summary>The server's connection string, scoped to this database.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
