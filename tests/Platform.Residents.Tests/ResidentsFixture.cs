using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Platform.MultiTenancy;
using Platform.Residents.Contracts;
using Platform.Residents.Data;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.Residents.Tests.ResidentsFixture))]

namespace Platform.Residents.Tests;

/// <summary>
/// The residents service and the identity service that issues its tokens. The test bus plays the Districts
/// service (it onboards the demo district and a second one, each with a small territory tree) and the recorder
/// keeps every event the residents service publishes.
/// </summary>
public sealed class ResidentsFixture() : ServiceFixture<Program, ResidentsDbContext>("residents")
{
    /// <summary>A demand category with a one-second resolution deadline.</summary>
    public const string FastCategory = "测试加急";

    /// <summary>A second district, for isolation tests.</summary>
    public static TenantInfo Other { get; } = new(Guid.Parse("0000000a-0000-0000-0000-0000000000a1"), "other-district", "别的区", TenantStatus.Active, new Dictionary<string, string>());

    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<ResidentRegisteredIntegrationEvent>()
        .Record<ResidentMovedIntegrationEvent>()
        .Record<ResidentTagsChangedIntegrationEvent>()
        .Record<DemandReceivedIntegrationEvent>()
        .Record<DemandAssignedIntegrationEvent>()
        .Record<DemandAssignedToPropertyCompanyIntegrationEvent>()
        .Record<DemandWhistleBlownIntegrationEvent>()
        .Record<DemandResolvedIntegrationEvent>()
        .Record<DemandClosedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        // Fresh keys per run: nothing in the test depends on the development keys.
        web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "test-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // A category whose resolution deadline passes while the test watches.
        web.UseSetting("Demands:Sla:ResolutionByCategory:" + FastCategory, "00:00:01");
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await this.OnboardAsync(Demo, cancellationToken);
        await this.OnboardAsync(Other, cancellationToken);
        await this.PublishTreeAsync(Demo, TestTerritory.DemoNodes(Demo.Id), cancellationToken);
        await this.PublishTreeAsync(Other, TestTerritory.OtherNodes(Other.Id), cancellationToken);
    }
}
