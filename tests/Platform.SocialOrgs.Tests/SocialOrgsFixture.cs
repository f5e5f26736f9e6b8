using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Platform.SocialOrgs.Contracts;
using Platform.SocialOrgs.Data;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.SocialOrgs.Tests.SocialOrgsFixture))]

namespace Platform.SocialOrgs.Tests;

/// <summary>
/// The social-organisation service and the identity service that issues its tokens. The test bus plays the Districts
/// service (it onboards the demo district and a second one, each with a small territory tree) and the recorder keeps
/// every event the service publishes.
/// </summary>
public sealed class SocialOrgsFixture() : ServiceFixture<Program, SocialOrgsDbContext>("socialorgs")
{
    /// <summary>How long an organisation may stay in one growth stage in the tests.</summary>
    public static TimeSpan StuckAfter { get; } = TimeSpan.FromSeconds(2);

    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<SocialOrganisationStatusChangedIntegrationEvent>()
        .Record<FundingCallOpenedIntegrationEvent>()
        .Record<ProposalSubmittedIntegrationEvent>()
        .Record<AwardsPublishedIntegrationEvent>()
        .Record<VolunteerRecruitmentRequestedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        // Fresh keys per run: nothing in the test depends on the development keys.
        web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "test-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // An organisation in one growth stage for more than two seconds is stuck, so a test can watch it happen.
        web.UseSetting("SocialOrgs:Incubation:StuckAfter", StuckAfter.ToString());
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        await PublishTreeAsync(TestTerritory.DemoTree(Demo), cancellationToken);
        await PublishTreeAsync(TestTerritory.OtherTree(Other), cancellationToken);
    }
}
