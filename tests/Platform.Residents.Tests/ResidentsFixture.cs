using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Platform.Residents.Contracts;
using Platform.Residents.Data;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.Residents.Tests.ResidentsFixture))]

namespace Platform.Residents.Tests;

/// <summary>
/// The residents service and the identity service that issues its tokens. The test bus plays the Districts
/// service (it onboards the demo district and a second one, each with a small territory tree) and the recorder
/// keeps every event the residents service publishes. Derived fixtures (two replicas) get an environment of their own.
/// </summary>
public class ResidentsFixture() : ServiceFixture<Program, ResidentsDbContext>("residents")
{
    /// <summary>A demand category with a one-second resolution deadline.</summary>
    public const string FastCategory = "测试加急";

    /// <summary>The supports that put a topic on the agenda in the tests.</summary>
    public const int TopicSupportThreshold = 3;

    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<ResidentRegisteredIntegrationEvent>()
        .Record<ResidentMovedIntegrationEvent>()
        .Record<ResidentTagsChangedIntegrationEvent>()
        .Record<DemandReceivedIntegrationEvent>()
        .Record<DemandAssignedIntegrationEvent>()
        .Record<DemandAssignedToPropertyCompanyIntegrationEvent>()
        .Record<DemandWhistleBlownIntegrationEvent>()
        .Record<DemandResolvedIntegrationEvent>()
        .Record<DemandClosedIntegrationEvent>()
        .Record<TopicRaisedIntegrationEvent>()
        .Record<DecisionAdoptedIntegrationEvent>()
        .Record<TaskCompletedIntegrationEvent>()
        .Record<BudgetResultPublishedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        // Fresh keys per run: nothing in the test depends on the development keys.
        web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "test-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // A category whose resolution deadline passes while the test watches.
        web.UseSetting("Demands:Sla:ResolutionByCategory:" + FastCategory, "00:00:01");
        // Three residents put a shared matter on the agenda, so a test can reach it.
        web.UseSetting("Deliberation:SupportThreshold", TopicSupportThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        await PublishTreeAsync(TestTerritory.DemoNodes(Demo), cancellationToken);
        await PublishTreeAsync(TestTerritory.OtherNodes(Other), cancellationToken);
    }
}
