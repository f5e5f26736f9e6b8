using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Platform.Portal.Data;

/// <summary>The portal's database, its schema brought up to date before the portal serves anyone, and the key ring kept in it.</summary>
internal static partial class PortalDatabase
{
    public const string ConnectionStringName = "portaldb";

    /// <summary>Every replica protects and unprotects in one key space, wherever it is installed.</summary>
    public const string DataProtectionApplicationName = "gongzhi-portal";

    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings:{ConnectionStringName} (the AppHost does).");
        services.AddDbContextFactory<PortalDbContext>(options => options.UseNpgsql(connectionString));
        services.AddHostedService<Migration>();
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        return builder;
    }

    /// <summary>
    /// Migrates while the host is starting, before any hosted service starts and before the server takes requests
    /// (as the services' own migrator does); replicas starting together are serialised by EF Core's migration lock.
    /// </summary>
    private sealed partial class Migration(IDbContextFactory<PortalDbContext> contexts, ILogger<Migration> logger) : IHostedLifecycleService
    {
        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, pending);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "The portal's database is up to date ({Applied} migrations applied)")]
        private static partial void LogMigrated(ILogger logger, int applied);
    }
}
