using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Contracts;

namespace Platform.Districts.Tests;

/// <summary>What the shared service host does for the districts service: routing after tenant resolution, a clear start-up failure.</summary>
public sealed class ServicePipelineTests(DistrictsFixture fixture)
{
    // A street of the sample territory seeded into the demo district.
    private const string SeededStreet = "110199001000";

    [Fact]
    public async Task GetNode_UnderTheDistrictPathPrefix_IsRoutedToTheEndpoint()
    {
        using var admin = fixture.Client(await fixture.DemoTokenAsync(PlatformRoleNames.DistrictAdmin));

        var street = await admin.NodeIdAsync(SeededStreet);

        var prefixed = await admin.GetJsonAsync($"/t/{DistrictsFixture.Demo.Identifier}/api/territory/nodes/{street}");

        Assert.Equal(street, prefixed.GetProperty("id").GetGuid());
        Assert.Equal(SeededStreet, prefixed.GetProperty("code").GetString());
    }

    [Fact]
    public void Start_WithoutTheServiceConnectionString_FailsNamingIt()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:rabbitmq", fixture.VirtualHost.ConnectionString);
        });

        var failure = Record.Exception(() => factory.Server);

        // The host may wrap the start-up exception; the reason must be in it, whatever the wrapping.
        Assert.NotNull(failure);
        Assert.Contains("Connection string 'districtsdb' is missing", failure.ToString(), StringComparison.Ordinal);
    }
}
