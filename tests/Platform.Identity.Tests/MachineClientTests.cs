using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class MachineClientTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<(string ClientId, string Secret)> RegisterAsync(HttpClient admin, string[] scopes, Guid? scopeNodeId = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "幸福物业服务有限公司", scopes, scopeNodeId }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(string clientId, string secret, string scope, string? tenant = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", scope),
        };
        if (tenant is not null)
        {
            form.Add(new("tenant", tenant));
        }

        return fixture.RequestTokenAsync(form);
    }

    private async Task<HttpClient> DistrictAdminAsync() =>
        fixture.CreateClient(await fixture.AccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo"));

    [Fact]
    public async Task RegisteredClient_GetsATokenBoundToItsDistrictScopesAndTerritory()
    {
        using var admin = await DistrictAdminAsync();
        var (clientId, secret) = await RegisterAsync(admin, ["property", "demands.read"], fixture.NorthCommunity);

        var (status, body) = await ClientCredentialsAsync(clientId, secret, "property");

        Assert.Equal(HttpStatusCode.OK, status);
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("demo", token.GetClaim("tenant").Value);
        Assert.Equal(fixture.Demo.Id.ToString(), token.GetClaim("tenant_id").Value);
        Assert.Equal("property-company", token.GetClaim("role").Value);
        Assert.Equal("property", token.GetClaim("scope").Value);
        Assert.Equal(fixture.NorthCommunity.ToString(), token.GetClaim("territory").Value);
        Assert.Equal(clientId, token.Subject);
    }

    [Fact]
    public async Task Client_CannotExceedItsScopes_NorActForAnotherDistrict_NorUseAWrongSecret()
    {
        using var admin = await DistrictAdminAsync();
        var (clientId, secret) = await RegisterAsync(admin, ["property"]);

        var (beyondStatus, beyond) = await ClientCredentialsAsync(clientId, secret, "property demands.write");
        var (elsewhereStatus, elsewhere) = await ClientCredentialsAsync(clientId, secret, "property", tenant: "other");
        var (wrongSecretStatus, wrongSecret) = await ClientCredentialsAsync(clientId, secret + "x", "property");

        Assert.Equal(HttpStatusCode.BadRequest, beyondStatus);
        // OpenIddict answers invalid_request for a registered scope the client has no permission for.
        Assert.Equal("invalid_request", beyond.GetProperty("error").GetString());
        Assert.Contains("scope", beyond.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(beyond.TryGetProperty("access_token", out _));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhereStatus);
        Assert.Equal("invalid_grant", elsewhere.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecretStatus);
        Assert.Equal("invalid_client", wrongSecret.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RevokedClient_CanNoLongerObtainTokens_AndSecretIsNeverListed()
    {
        using var admin = await DistrictAdminAsync();
        var (clientId, secret) = await RegisterAsync(admin, ["property"]);

        using var revoke = await admin.DeleteAsync(new Uri($"/api/identity/clients/{clientId}", UriKind.Relative), Cancellation);
        var (status, body) = await ClientCredentialsAsync(clientId, secret, "property");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.NotEqual(HttpStatusCode.OK, status);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/identity/clients?pageSize=100", Cancellation);
        var listed = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("clientSecret").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(secret, list.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WithUnknownScope_Is400_AndAnotherDistrictCannotRevoke()
    {
        using var admin = await DistrictAdminAsync();
        using var invalid = await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "x", scopes = new[] { "everything" } }, Cancellation);
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var (clientId, secret) = await RegisterAsync(admin, ["property"]);
        var otherAdmin = $"oa-{Guid.NewGuid():N}"[..16];
        await fixture.CreateMemberAsync(fixture.Other, "district-admin", login: otherAdmin);
        using var other = fixture.CreateClient(await fixture.AccessTokenAsync(otherAdmin, IdentityFixture.MemberPassword, "other"));
        using var revoke = await other.DeleteAsync(new Uri($"/api/identity/clients/{clientId}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        var (status, _) = await ClientCredentialsAsync(clientId, secret, "property");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
