using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Districts.Contracts;
using Platform.Districts.Data;
using Platform.Districts.Features.Districts;
using Platform.Testing;
using Platform.Testing.Services;

[assembly: AssemblyFixture(typeof(Platform.Districts.Tests.DistrictsFixture))]

namespace Platform.Districts.Tests;

/// <summary>
/// The districts service (started as in development: demo district with its sample territory seeded) and the
/// identity service it creates administrators in. The recorder keeps every district and territory event the
/// districts service publishes.
/// </summary>
public sealed class DistrictsFixture() : ServiceFixture<Program, DistrictsDbContext>("districts")
{
    protected override void RecordEvents(EventRecorder.Registrations events) => events
        .Record<DistrictOnboardedIntegrationEvent>()
        .Record<DistrictStatusChangedIntegrationEvent>()
        .Record<TerritoryNodeAddedIntegrationEvent>()
        .Record<TerritoryNodeRenamedIntegrationEvent>()
        .Record<TerritoryNodeAttributesChangedIntegrationEvent>()
        .Record<TerritoryNodeMovedIntegrationEvent>()
        .Record<TerritoryNodeRetiredIntegrationEvent>();

    // The administrator API is served by the in-memory identity service.
    protected override void Configure(IWebHostBuilder web) => web.ConfigureServices(services =>
        services.AddHttpClient(IdentityAdminClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => Identity.Factory.Server.CreateHandler()));
}
