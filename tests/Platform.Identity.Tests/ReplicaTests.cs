using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Identity.Data;

namespace Platform.Identity.Tests;

/// <summary>
/// Two replicas of the identity service on one database, as two pods behind the gateway: a browser's requests of one
/// sign-in land on either, so what one protects with Data Protection (the login page's anti-forgery token, the sign-in
/// cookie) the other must read.
/// </summary>
public sealed class ReplicaTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WithEachStepOnTheOtherReplica_IssuesTheCodeAndToken()
    {
        await using var second = fixture.StartReplica();
        var cookies = new CookieContainer();
        using var onFirst = Browser(fixture.Factory, cookies);
        using var onSecond = Browser(second.Factory, cookies);
        var (verifier, authorize) = CodeFlowSteps.PortalAuthorization("s-replicas");

        using var toLogin = await onFirst.GetAsync(authorize, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginPage = await onFirst.GetStringAsync(toLogin.Headers.Location, Cancellation);

        // The anti-forgery cookie and form token come from the first replica, the post goes to the second.
        using var signedIn = await onSecond.PostAsync(new Uri("/account/login", UriKind.Relative),
            CodeFlowSteps.SignInForm(loginPage, "demo-community-worker", IdentityFixture.DemoPassword), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The session cookie the second replica set is read by the first, which hands out the code.
        using var toClient = await onFirst.GetAsync(signedIn.Headers.Location, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        Assert.StartsWith(CodeFlowSteps.PortalRedirectUri, toClient.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var redeemed = await onSecond.PostAsync(new Uri("/connect/token", UriKind.Relative),
            new FormUrlEncodedContent(CodeFlowSteps.CodeRedemption(toClient.Headers.Location, verifier)), Cancellation);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var body = await redeemed.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task Protect_OnOneReplica_IsReadByTheOtherWithTheKeysStoredInTheDatabase()
    {
        await using var second = fixture.StartReplica();
        const string purpose = "replica-test";

        var protectedByFirst = fixture.Factory.Services.GetDataProtector(purpose).Protect("会话");
        var readBySecond = second.Factory.Services.GetDataProtector(purpose).Unprotect(protectedByFirst);

        Assert.Equal("会话", readBySecond);
        var firstKeys = KeyIds(fixture.Factory.Services);
        var secondKeys = KeyIds(second.Factory.Services);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys.CountAsync(Cancellation);

        Assert.NotEmpty(firstKeys);
        Assert.Equal(firstKeys, secondKeys);
        Assert.Equal(firstKeys.Count, stored);
    }

    [Fact]
    public async Task KeyRing_AsStoredInTheDatabase_HoldsNoKeyInTheClear()
    {
        // Protecting makes sure at least one key exists.
        fixture.Factory.Services.GetDataProtector("at-rest-test").Protect("会话");
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().DataProtectionKeys
            .Select(k => k.Xml!).ToListAsync(Cancellation);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            var elements = XElement.Parse(xml).Descendants().ToList();
            // An unencrypted key carries its secret as <masterKey><value>base64</value></masterKey>; an encrypted one
            // as <encryptedSecret decryptorType="…EncryptedXmlDecryptor…"> with XML-encrypted data inside.
            Assert.DoesNotContain(elements, e => e.Name.LocalName == "masterKey");
            Assert.Contains(elements, e => e.Name.LocalName == "encryptedSecret"
                && e.Attribute("decryptorType")?.Value.Contains("EncryptedXmlDecryptor", StringComparison.Ordinal) == true);
        });
    }

    private static HttpClient Browser(WebApplicationFactory<Program> replica, CookieContainer cookies) =>
        replica.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    private static List<Guid> KeyIds(IServiceProvider replica) =>
        [.. replica.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).Order()];
}
