using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Platform.Districts.Contracts;
using Platform.MultiTenancy;
using Platform.PartyBuilding.Contracts;
using Platform.PartyBuilding.Data;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.PartyBuilding.Tests.PartyBuildingFixture))]

namespace Platform.PartyBuilding.Tests;

/// <summary>
/// The party-building service and the identity service that issues its tokens. The test bus plays the Districts
/// service: it onboards the demo district and a second one, each with a small territory tree.
/// </summary>
public sealed class PartyBuildingFixture() : ServiceFixture<Program, PartyBuildingDbContext>("partybuilding")
{
    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<PartyMemberReportConfirmedIntegrationEvent>()
        .Record<MemberServiceFeedbackIntegrationEvent>()
        .Record<MemberServiceFeedbackAcknowledgedIntegrationEvent>();

    protected override void Configure(IWebHostBuilder web)
    {
        // Fresh keys per run: nothing in the tests depends on the development keys.
        web.UseSetting("PersonalData:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        web.UseSetting("PersonalData:CurrentKeyId", "test-1");
        web.UseSetting("PersonalData:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    protected override async Task ArrangeAsync(CancellationToken cancellationToken)
    {
        await OnboardAsync(Demo, cancellationToken);
        await OnboardAsync(Other, cancellationToken);
        await PublishTreeAsync(TestTerritory.DemoTree(Demo), cancellationToken);
        await PublishTreeAsync(TestTerritory.OtherTree(Other), cancellationToken);
    }

    /// <summary>
    /// A street of its own for one test (a node has one party organisation, so tests that establish them do not share
    /// nodes): street → community → grid → building, published to <paramref name="tenant"/> (the demo district by default).
    /// </summary>
    public async Task<FreshStreet> FreshStreetAsync(TenantInfo? tenant = null)
    {
        var street = new FreshStreet(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await PublishTreeAsync(
            new TerritoryTreeEvents(tenant ?? Demo)
                .Add(street.Street, null, TerritoryNodeKind.Street, "新街道")
                .Add(street.Community, street.Street, TerritoryNodeKind.Community, "新社区")
                .Add(street.Grid, street.Community, TerritoryNodeKind.Grid, "新网格")
                .Add(street.Building, street.Grid, TerritoryNodeKind.Building, "新楼栋"),
            TestContext.Current.CancellationToken);
        return street;
    }
}

/// <summary>The nodes of a street published for one test.</summary>
public sealed record FreshStreet(Guid Street, Guid Community, Guid Grid, Guid Building);
