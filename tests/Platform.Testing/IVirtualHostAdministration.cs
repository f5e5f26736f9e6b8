namespace Platform.Testing;

/// <summary>Creates and deletes virtual hosts, which AMQP itself cannot do.</summary>
internal interface IVirtualHostAdministration
{
    /// <summary>Creates <paramref name="name"/> and gives the broker's AMQP user full permissions on it.</summary>
    Task CreateAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
