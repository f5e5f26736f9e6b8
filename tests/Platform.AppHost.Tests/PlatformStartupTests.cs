using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Platform.Testing.AppHost;

namespace Platform.AppHost.Tests;

/// <summary>The whole platform as <c>./platform up</c> starts it (see <see cref="RunningPlatformBase{TAppHost}"/>).</summary>
public sealed class RunningPlatform : RunningPlatformBase<Projects.Platform_AppHost>;

public sealed class PlatformStartupTests(RunningPlatform platform) : IClassFixture<RunningPlatform>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithFreshDataDirectory_EveryResourceBecomesHealthyAndGatewayAnswers()
    {
        Assert.Contains("identity", platform.Resources);
        using var gateway = platform.App.CreateHttpClient("gateway");

        using var response = await gateway.GetAsync(new Uri("/health", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ThroughTheGateway_PasswordGrantThenProtectedCall_ServiceSeesTheTokensDistrict()
    {
        using var gateway = platform.App.CreateHttpClient("gateway");
        using var tokenResponse = await gateway.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("grant_type", "password"), new("client_id", "platform-cli"), new("username", "demo-district-admin"),
            new("password", "Demo-Dev-2026!"), new("tenant", "demo"), new("scope", "openid offline_access api"),
        ]), Cancellation);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/identity/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // A forged district header must make no difference: the gateway replaces it with the token's district.
        request.Headers.Add("X-Tenant", "system");
        using var me = await gateway.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var view = await me.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("demo", view.GetProperty("tenant").GetString());
        Assert.Contains("district-admin", view.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.Headers.Contains("X-Correlation-Id"));

        using var anonymous = await gateway.GetAsync(new Uri("/api/identity/me", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
