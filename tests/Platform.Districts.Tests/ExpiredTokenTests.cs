namespace Platform.Districts.Tests;

public sealed class ExpiredTokenTests(DistrictsFixture fixture)
{
    [Fact]
    public Task Get_TokenExpiredAMinuteAgo_Returns401InvalidToken() =>
        fixture.Identity.AssertRefusesExpiredTokenAsync(fixture.Service.Factory.CreateClient, "/api/territory/tree");
}
