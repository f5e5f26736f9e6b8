using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.MultiTenancy.Storage;
using Platform.Testing;
using Platform.Testing.Services;
using Platform.TimeBank.Contracts;
using Platform.TimeBank.Data;

[assembly: AssemblyFixture(typeof(Platform.TimeBank.Tests.TimeBankFixture))]

namespace Platform.TimeBank.Tests;

/// <summary>
/// The time bank service and the identity service that issues its tokens. The test bus plays the Districts service: it
/// onboards the demo district and a second one, each with a small territory tree.
/// </summary>
public sealed class TimeBankFixture() : ServiceFixture<Program, TimeBankDbContext>("timebank")
{
    /// <summary>A second district, for isolation tests.</summary>
    public static TenantInfo Other { get; } = new(Guid.Parse("0000000a-0000-0000-0000-0000000000b2"), "other-district", "别的区", TenantStatus.Active, new Dictionary<string, string>());

    /// <summary>The service's clock, which tests move forward.</summary>
    public AdvancingClock Clock { get; } = new();

    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<VolunteerServiceRecordedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("TimeBank:ExpirySweepInterval", "00:00:00.500");
        web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in new[] { Demo, Other })
        {
            await Bus.Publish(new DistrictOnboardedIntegrationEvent { TenantId = tenant.Id, Identifier = tenant.Identifier, Name = tenant.Name }, cancellationToken);
            await WaitUntilAsync(async db => await db.Set<TenantRecord>().AnyAsync(t => t.Id == tenant.Id, cancellationToken), tenant: null);
        }

        await PublishTreeAsync(Demo, TestTerritory.DemoNodes(Demo.Id), cancellationToken);
        await PublishTreeAsync(Other, TestTerritory.OtherNodes(Other.Id), cancellationToken);
    }

    private async Task PublishTreeAsync(TenantInfo tenant, IReadOnlyList<TerritoryNodeAddedIntegrationEvent> nodes, CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            await Bus.Publish(node, cancellationToken);
        }

        var last = nodes[^1].NodeId;
        await WaitUntilAsync(async db => await db.TerritoryNodes.AnyAsync(n => n.Id == last, cancellationToken), tenant);
    }
}
