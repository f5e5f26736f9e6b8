using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class ExpiredTokenTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_TokenExpiredAMinuteAgo_Returns401InvalidToken(bool withGatewayTenantHeader)
    {
        var token = await fixture.ExpiredAccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo", TimeSpan.FromSeconds(60));
        using var client = fixture.CreateClient(token);
        if (withGatewayTenantHeader)
        {
            // The header the gateway stamps from the token; a tenant check must not hide the expiry behind a 403.
            client.DefaultRequestHeaders.Add("X-Tenant", "demo");
        }

        using var response = await client.GetAsync(new Uri("/api/identity/me", UriKind.Relative), Cancellation);

        await response.AssertInvalidTokenAsync();
    }
}
