namespace Platform.Residents.Tests;

public sealed class ExpiredTokenTests(ResidentsFixture fixture)
{
    [Fact]
    public Task Get_TokenExpiredAMinuteAgo_Returns401InvalidToken() =>
        fixture.Identity.AssertRefusesExpiredTokenAsync(fixture.Service.Factory.CreateClient, "/api/residents");
}
