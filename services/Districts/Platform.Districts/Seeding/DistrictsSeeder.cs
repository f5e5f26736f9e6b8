using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Domain;
using Platform.Districts.Features.Districts;
using Platform.Districts.Features.Imports;
using Platform.Imports.Jobs;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.ServiceHost.Data;

namespace Platform.Districts.Seeding;

/// <summary>
/// In development, onboards the demo district (the fixed id every service recognises) and imports the sample
/// territory into it through the same import as an uploaded file. Safe to run on every start.
/// </summary>
internal sealed partial class DistrictsSeeder(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> options,
    TimeProvider clock,
    ILogger<DistrictsSeeder> logger) : IDatabaseSeeder
{
    /// <summary>The sample territory: a few streets with their communities, grids, compounds and buildings.</summary>
    public const string SampleTerritoryResource = "Platform.Districts.Seeding.demo-territory.csv";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoDistrict)
        {
            var demo = await EnsureDemoDistrictAsync(cancellationToken);
            await ImportSampleTerritoryAsync(demo, cancellationToken);
        }
    }

    private async Task<TenantInfo> EnsureDemoDistrictAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DistrictsDbContext>();
        var district = await db.Districts.SingleOrDefaultAsync(d => d.Id == DemoDistrict.Id, cancellationToken);
        if (district is null)
        {
            district = District.Onboard(DemoDistrict.Identifier, DemoDistrict.Name, "北京市", "110199", settings: null, clock.GetUtcNow(), DemoDistrict.Id);
            db.Districts.Add(district);
            db.AddIntegrationEvent(district.Onboarded());
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, district.Identifier);
        }

        var tenant = DistrictEndpoints.ToTenant(district);
        await scope.ServiceProvider.GetRequiredService<ITenantCatalogWriter>().UpsertAsync(tenant, district.UpdatedAt, cancellationToken);
        return tenant;
    }

    private async Task ImportSampleTerritoryAsync(TenantInfo demo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateTenantScope(demo, "seed");
        await using var sample = typeof(DistrictsSeeder).Assembly.GetManifestResourceStream(SampleTerritoryResource)
            ?? throw new InvalidOperationException($"The sample territory {SampleTerritoryResource} is not embedded.");
        using var content = new MemoryStream();
        await sample.CopyToAsync(content, cancellationToken);

        // Re-running the same file changes nothing, so this costs one comparison on every start after the first.
        var handler = scope.ServiceProvider.GetRequiredKeyedService<IImportHandler>(TerritoryImportHandler.Kind);
        var outcome = await handler.RunAsync(
            new ImportWork(Guid.Empty, "demo-territory.csv", content.ToArray(), new Dictionary<string, string>(), RequestedBy: null), NoImportProgress.Instance, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The sample territory was rejected: {string.Join("; ", outcome.Errors.Take(5).Select(e => $"line {e.Line}: {e.Reason}"))}");
        }

        LogImported(logger, outcome.RowsTotal, outcome.Summary.GetValueOrDefault("added"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded district {Identifier}")]
    private static partial void LogSeeded(ILogger logger, string identifier);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample territory checked: {Rows} rows, {Added} nodes added")]
    private static partial void LogImported(ILogger logger, int rows, int added);
}
