using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Identity.Data;
using Platform.Testing;
using Platform.TerritoryReplica;

namespace Platform.Identity.Tests;

/// <summary>A member whose scope node was retired grants and sees nothing until re-scoped (the platform's one scope rule).</summary>
public sealed class RetiredScopeTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreetAdmin_OfARetiredStreet_SeesNoMembersAndCanGrantNothing()
    {
        var retiredStreet = Guid.CreateVersion7();
        var community = Guid.CreateVersion7();
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            var db = services.GetRequiredService<IdentityDbContext>();
            db.TerritoryNodes.AddRange(
                new TerritoryReplicaNode { Id = retiredStreet, Path = $"/{retiredStreet}/", Retired = true },
                new TerritoryReplicaNode { Id = community, Path = $"/{retiredStreet}/{community}/" });
            await db.SaveChangesAsync(Cancellation);
        });
        var login = $"r-{Guid.NewGuid():N}"[..16];
        await fixture.CreateMemberAsync(fixture.Demo, "street-admin", retiredStreet, login);
        var worker = await fixture.CreateMemberAsync(fixture.Demo, "grid-worker", community);
        using var client = fixture.CreateClient(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, "demo"));

        var members = await client.GetFromJsonAsync<JsonElement>("/api/identity/users?pageSize=100", Cancellation);
        using var workerView = await client.GetAsync(new Uri($"/api/identity/users/{worker}", UriKind.Relative), Cancellation);
        using var grant = await client.PostAsJsonAsync(
            "/api/identity/users",
            new { login = $"n-{Guid.NewGuid():N}"[..16], displayName = "王小明", password = "Strong-Pass-2026!", roles = new[] { "grid-worker" }, scopeNodeId = community },
            Cancellation);

        Assert.Empty(members.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, workerView.StatusCode);
        await grant.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.scope_outside_granter");
    }
}
