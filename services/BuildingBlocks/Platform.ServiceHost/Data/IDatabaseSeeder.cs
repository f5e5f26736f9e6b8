namespace Platform.ServiceHost.Data;

/// <summary>
/// Puts data a service needs at start into its database (first-party clients, the demo district). Registered with
/// <see cref="PlatformServiceBuilder.SeedWith{TSeeder}"/>; runs once per start, right after the schema migration and
/// before the bus or the server start. Must be safe to run on every start.
/// </summary>
public interface IDatabaseSeeder
{
    /// <summary>Seeds the database, which is already migrated.</summary>
    /// <param name="cancellationToken">Cancelled when the start is aborted.</param>
    /// <returns>A task that completes when the data is in place.</returns>
    Task SeedAsync(CancellationToken cancellationToken);
}
