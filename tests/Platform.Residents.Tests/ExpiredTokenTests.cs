using Platform.Testing;
using Platform.Testing.Identity;

namespace Platform.Residents.Tests;

public sealed class ExpiredTokenTests(ResidentsFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_TokenExpiredAMinuteAgo_Returns401InvalidToken(bool withGatewayTenantHeader)
    {
        using var client = fixture.Client(await fixture.Identity.ExpiredTokenAsync("demo-district-admin", IdentityTestHost.DemoPassword, "demo", TimeSpan.FromSeconds(60)));
        if (withGatewayTenantHeader)
        {
            // The header the gateway stamps from the token; a tenant check must not hide the expiry behind a 403.
            client.DefaultRequestHeaders.Add("X-Tenant", "demo");
        }

        using var response = await client.GetAsync(new Uri("/api/residents", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertInvalidTokenAsync();
    }
}
