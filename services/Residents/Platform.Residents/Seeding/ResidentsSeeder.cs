using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;

namespace Platform.Residents.Seeding;

/// <summary>Brings the database up to date before the bus and the server start. Safe to run on every start.</summary>
internal sealed class ResidentsSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResidentsDbContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
