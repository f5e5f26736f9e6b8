using Microsoft.Extensions.DependencyInjection;
using Platform.MultiTenancy.Storage;

namespace Platform.MultiTenancy.Tests;

public sealed class TenantCatalogTests(TenantDatabaseFixture database) : IClassFixture<TenantDatabaseFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_AfterUpsert_ReturnsTenantByIdAndIdentifier()
    {
        await using var services = BuildServices();
        var catalog = services.GetRequiredService<EfTenantCatalog<NotesDbContext>>();
        var tenant = TestTenants.Create("haidian", "海淀区") with { Settings = new Dictionary<string, string> { ["timeZone"] = "Asia/Shanghai" } };

        await catalog.UpsertAsync(tenant, DateTimeOffset.UtcNow, Cancel);

        var byId = await catalog.FindByIdAsync(tenant.Id, Cancel);
        var byIdentifier = await catalog.FindByIdentifierAsync("HAIDIAN", Cancel);
        Assert.Equal(tenant.Id, byIdentifier!.Id);
        Assert.Equal("Asia/Shanghai", byId!.Settings["timeZone"]);
    }

    [Fact]
    public async Task Upsert_StatusChange_IsVisibleImmediatelyDespiteCache()
    {
        await using var services = BuildServices();
        var catalog = services.GetRequiredService<EfTenantCatalog<NotesDbContext>>();
        var tenant = TestTenants.Create("xicheng", "西城区");
        await catalog.UpsertAsync(tenant, DateTimeOffset.UtcNow.AddMinutes(-1), Cancel);
        Assert.True((await catalog.FindByIdAsync(tenant.Id, Cancel))!.IsActive);

        await catalog.UpsertAsync(tenant with { Status = TenantStatus.Suspended }, DateTimeOffset.UtcNow, Cancel);

        Assert.Equal(TenantStatus.Suspended, (await catalog.FindByIdAsync(tenant.Id, Cancel))!.Status);
    }

    [Fact]
    public async Task Upsert_OlderReportAfterNewer_IsIgnored()
    {
        await using var services = BuildServices();
        var catalog = services.GetRequiredService<EfTenantCatalog<NotesDbContext>>();
        var tenant = TestTenants.Create("dongcheng", "东城区");
        var now = DateTimeOffset.UtcNow;
        await catalog.UpsertAsync(tenant with { Status = TenantStatus.Suspended }, now, Cancel);

        var changed = await catalog.UpsertAsync(tenant, now.AddSeconds(-5), Cancel);

        Assert.False(changed);
        Assert.Equal(TenantStatus.Suspended, (await catalog.FindByIdAsync(tenant.Id, Cancel))!.Status);
    }

    [Fact]
    public async Task Upsert_SameNewDistrictFromTwoWritersAtOnce_BothSucceedAndTheNewerReportWins()
    {
        await using var services = BuildServices();
        var catalog = services.GetRequiredService<EfTenantCatalog<NotesDbContext>>();
        var now = DateTimeOffset.UtcNow;

        // Rounds of two racing first reports of a district, as the onboarding request and its own event race.
        for (var round = 0; round < 20; round++)
        {
            var tenant = TestTenants.Create($"race-{round}", "竞区");
            var suspended = tenant with { Status = TenantStatus.Suspended };
            await Task.WhenAll(
                Task.Run(() => catalog.UpsertAsync(tenant, now, Cancel), Cancel),
                Task.Run(() => catalog.UpsertAsync(suspended, now.AddSeconds(1), Cancel), Cancel));

            Assert.Equal(TenantStatus.Suspended, (await catalog.FindByIdAsync(tenant.Id, Cancel))!.Status);
        }
    }

    [Fact]
    public async Task Find_SystemTenant_IsKnownWithoutOnboarding()
    {
        await using var services = BuildServices();
        var catalog = services.GetRequiredService<ITenantStore>();

        Assert.Equal(TenantInfo.System, await catalog.FindByIdentifierAsync("system", Cancel));
    }

    [Fact]
    public async Task Find_UnknownIdentifier_ReturnsNull()
    {
        await using var services = BuildServices();

        Assert.Null(await services.GetRequiredService<ITenantStore>().FindByIdentifierAsync("nowhere", Cancel));
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => NotesDbContext.Create(database.ConnectionString, tenant: null));
        services.AddTenantCatalog<NotesDbContext>();
        return services.BuildServiceProvider();
    }
}
