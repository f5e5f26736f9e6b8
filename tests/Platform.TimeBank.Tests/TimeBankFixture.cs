using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
public class TimeBankFixture() : ServiceFixture<Program, TimeBankDbContext>("timebank")
{
    /// <summary>The service's clock, which tests move forward.</summary>
    public AdvancingClock Clock { get; } = new();

    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<VolunteerServiceRecordedIntegrationEvent>()
        .Record<VolunteerServiceRecordReversedIntegrationEvent>()
        .Record<ClearingTransferRequestedIntegrationEvent>()
        .Record<ClearingTransferAnsweredIntegrationEvent>()
        .Record<ClearingBalanceReportedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("TimeBank:ExpirySweepInterval", "00:00:00.500");
        web.UseSetting("TimeBank:EarnedExpiryInterval", "00:00:00.500");
        web.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        await PublishTreeAsync(TestTerritory.DemoTree(Demo), cancellationToken);
        await PublishTreeAsync(TestTerritory.OtherTree(Other), cancellationToken);
    }
}

/// <summary>
/// A time bank of its own, with a clock of its own: earned-minutes expiry moves its clock on by years, which the tests
/// sharing <see cref="TimeBankFixture"/> must not see.
/// </summary>
public sealed class EarnedExpiryFixture : TimeBankFixture;
