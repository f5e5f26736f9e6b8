using System.Net;
using System.Net.Http.Json;

namespace Platform.Identity.Tests;

/// <summary>The first administrator of a district being onboarded (called by the Districts service for the operator).</summary>
public sealed class DistrictAdminTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object Request(Guid districtId, string login) =>
        new { districtId, districtIdentifier = "tongzhou", login, displayName = "通州区管理员", password = "Tongzhou-Admin-2026!" };

    [Fact]
    public async Task DistrictAdmin_CannotCreateAnotherDistrictsAdministrator()
    {
        using var admin = fixture.CreateClient(await fixture.AccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo"));

        using var response = await admin.PostAsJsonAsync("/api/identity/district-admins", Request(Guid.CreateVersion7(), "tz-admin-1"), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (status, _) = await fixture.PasswordTokenAsync("tz-admin-1", "Tongzhou-Admin-2026!", "demo");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Operator_RetryingTheSameOnboarding_GetsTheSameAdministrator()
    {
        using var operatorClient = fixture.CreateClient(await fixture.AccessTokenAsync("operator", IdentityFixture.OperatorPassword, "system"));
        var district = Guid.CreateVersion7();

        using var first = await operatorClient.PostAsJsonAsync("/api/identity/district-admins", Request(district, "tz-admin-2"), Cancellation);
        using var retry = await operatorClient.PostAsJsonAsync("/api/identity/district-admins", Request(district, "tz-admin-2"), Cancellation);
        using var otherDistrict = await operatorClient.PostAsJsonAsync("/api/identity/district-admins", Request(Guid.CreateVersion7(), "tz-admin-2"), Cancellation);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("userId").GetGuid(),
            (await retry.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancellation)).GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, otherDistrict.StatusCode);
    }
}
