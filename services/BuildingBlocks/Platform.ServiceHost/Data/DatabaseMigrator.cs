using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceHost.Data;

/// <summary>
/// Brings the service's database schema up to date, then runs the service's <see cref="IDatabaseSeeder"/>s in the
/// order they were registered.
/// </summary>
/// <remarks>
/// The work happens in <see cref="StartingAsync"/>, which the host completes for every hosted service before it
/// calls <see cref="IHostedService.StartAsync"/> on any of them. So the bus, the outbox relay, background workers and
/// the HTTP server all find the schema current, whatever order they were registered in.
/// </remarks>
/// <typeparam name="TContext">The service's database context.</typeparam>
internal sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedLifecycleService
    where TContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await database.MigrateAsync(cancellationToken);
        LogMigrated(logger, typeof(TContext).Name, pending);

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string context, int applied);
}
