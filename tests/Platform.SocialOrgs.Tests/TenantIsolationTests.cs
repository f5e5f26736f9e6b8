using System.Net;
using System.Net.Http.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.SocialOrgs.Tests;

/// <summary>Another district's organisation answers 404 on every endpoint, and nothing of it shows in lists or figures.</summary>
public sealed class TenantIsolationTests(SocialOrgsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpoint_OnAnotherDistrictsOrganisation_AnswersNotFound_AndChangesNothing()
    {
        var admin = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin);
        var name = $"隔{Guid.NewGuid():N}"[..8];
        var created = await RegistryApiTests.EnterAsync(admin, RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1, name));
        var id = created.GetProperty("id").GetGuid();
        var (memberId, _) = await fixture.Identity.MemberAsync(SocialOrgsFixture.Demo, PlatformRoleNames.SocialOrganisation, null);
        await (await admin.PostAsJsonAsync($"/api/socialorgs/organisations/{id}/members", new { userId = memberId }, Cancellation)).AssertOkAsync();
        var other = await fixture.MemberClientAsync(PlatformRoleNames.DistrictAdmin, tenant: SocialOrgsFixture.Other);

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => other.GetAsync(new Uri($"/api/socialorgs/organisations/{id}", UriKind.Relative), Cancellation),
            () => other.PatchJsonAsync($"/api/socialorgs/organisations/{id}", new { name = "改名" }),
            () => other.PostAsync(new Uri($"/api/socialorgs/organisations/{id}/file", UriKind.Relative), null, Cancellation),
            () => other.PostAsJsonAsync($"/api/socialorgs/organisations/{id}/register", new { creditCode = TestCodes.CreditCode(), legalForm = "social_group" }, Cancellation),
            () => other.PutAsJsonAsync($"/api/socialorgs/organisations/{id}/party-coverage", new { arrangement = "instructor", contact = "王老师" }, Cancellation),
            () => other.PostAsJsonAsync($"/api/socialorgs/organisations/{id}/members", new { userId = "intruder" }, Cancellation),
            () => other.DeleteAsync(new Uri($"/api/socialorgs/organisations/{id}/members/{memberId}", UriKind.Relative), Cancellation),
        })
        {
            await (await request()).AssertProblemAsync(HttpStatusCode.NotFound, "socialorgs.organisation_not_found");
        }

        // The demo district's nodes are not the other district's: it cannot place an organisation there.
        var placed = await (await other.PostAsJsonAsync("/api/socialorgs/organisations", RegistryApiTests.NewOrganisation(TestTerritory.CommunityA1), Cancellation))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["homeNodeId", "serviceAreaIds"], placed.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        var list = await (await other.GetAsync(new Uri($"/api/socialorgs/organisations?q={name}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var gaps = await (await other.GetAsync(new Uri("/api/socialorgs/party-coverage/gaps?pageSize=100", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(gaps.GetProperty("items").EnumerateArray(), g => g.GetProperty("id").GetGuid() == id);
        var metrics = await (await other.GetAsync(new Uri("/api/socialorgs/metrics", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.DoesNotContain(metrics.GetProperty("communities").EnumerateArray(), c => c.GetProperty("nodeId").GetGuid() == TestTerritory.CommunityA1);

        var unchanged = await (await admin.GetAsync(new Uri($"/api/socialorgs/organisations/{id}", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Equal(name, unchanged.GetProperty("name").GetString());
        Assert.Equal("unregistered", unchanged.GetProperty("status").GetString());
        Assert.Null(unchanged.GetProperty("partyCoverage").GetProperty("arrangement").GetString());
        Assert.Equal([memberId], unchanged.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
    }
}
