using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Identity.Domain;
using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class UserManagementTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Task<HttpClient> AsAsync(string login, string tenant = "demo", string password = IdentityFixture.DemoPassword) =>
        fixture.AccessTokenAsync(login, password, tenant).ContinueWith(t => fixture.CreateClient(t.Result), TaskScheduler.Default);

    private static object NewUser(string login, string[] roles, Guid? scopeNodeId = null, string password = "Strong-Pass-2026!", string? phone = "13800138000") =>
        new { login, displayName = "王小明", password, phone, roles, scopeNodeId };

    private static string UniqueLogin() => $"u-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task DistrictAdmin_CreatesCommunityWorker_WhoCanSignInToThatDistrict()
    {
        using var admin = await AsAsync("demo-district-admin");
        var login = UniqueLogin();

        using var response = await admin.PostAsJsonAsync("/api/identity/users", NewUser(login, ["community-worker"], fixture.NorthCommunity), Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(login, created.GetProperty("login").GetString());
        Assert.Equal("138****8000", created.GetProperty("phone").GetString());
        Assert.Equal($"/api/identity/users/{created.GetProperty("id").GetGuid()}", response.Headers.Location!.ToString());
        var (status, _) = await fixture.PasswordTokenAsync(login, "Strong-Pass-2026!", "demo");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Create_WithAPhoneSpelledWithTheCountryCode_StoresItsElevenDigits()
    {
        using var admin = await AsAsync("demo-district-admin");
        var login = UniqueLogin();

        using var response = await admin.PostAsJsonAsync("/api/identity/users", NewUser(login, ["resident"], phone: "+86 139-0013-9000"), Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("139****9000", created.GetProperty("phone").GetString());
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            Assert.Equal("13900139000", (await users.FindByNameAsync(login))!.PhoneNumber);
        });
    }

    [Fact]
    public async Task StreetAdmin_CannotGrantAHigherRole()
    {
        var streetAdmin = await fixture.CreateMemberAsync(fixture.Demo, "street-admin", fixture.NorthStreet, login: UniqueLogin());
        using var client = await AsStreetAdminAsync(streetAdmin);
        var login = UniqueLogin();

        using var response = await client.PostAsJsonAsync("/api/identity/users", NewUser(login, ["district-admin"], fixture.NorthStreet), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.role_above_granter");
        await AssertNoSuchLoginAsync(login);
    }

    [Fact]
    public async Task StreetAdmin_CannotCreateUsersOutsideItsStreet_NorForTheWholeDistrict()
    {
        var streetAdmin = await fixture.CreateMemberAsync(fixture.Demo, "street-admin", fixture.NorthStreet, login: UniqueLogin());
        using var client = await AsStreetAdminAsync(streetAdmin);

        using var otherStreet = await client.PostAsJsonAsync("/api/identity/users", NewUser(UniqueLogin(), ["grid-worker"], fixture.SouthStreet), Cancellation);
        using var wholeDistrict = await client.PostAsJsonAsync("/api/identity/users", NewUser(UniqueLogin(), ["grid-worker"], null), Cancellation);
        using var ownCommunity = await client.PostAsJsonAsync("/api/identity/users", NewUser(UniqueLogin(), ["grid-worker"], fixture.NorthCommunity), Cancellation);

        await otherStreet.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.scope_outside_granter");
        await wholeDistrict.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.scope_outside_granter");
        Assert.Equal(HttpStatusCode.Created, ownCommunity.StatusCode);
    }

    [Fact]
    public async Task InvalidRequests_Are400WithEveryFieldNamed_AndCreateNothing()
    {
        using var admin = await AsAsync("demo-district-admin");
        var login = UniqueLogin();

        using var invalid = await admin.PostAsJsonAsync("/api/identity/users", new { login = "X", displayName = "", password = "", phone = "12345", roles = new[] { "king" }, scopeNodeId = Guid.NewGuid() }, Cancellation);
        using var weakPassword = await admin.PostAsJsonAsync("/api/identity/users", NewUser(login, ["resident"], password: "short"), Cancellation);

        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "login", "displayName", "password", "phone", "roles", "scopeNodeId" }, fields);
        var weak = await weakPassword.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        await AssertNoSuchLoginAsync(login);
    }

    [Fact]
    public async Task DuplicateLogin_Is409()
    {
        using var admin = await AsAsync("demo-district-admin");

        using var response = await admin.PostAsJsonAsync("/api/identity/users", NewUser("demo-resident", ["resident"]), Cancellation);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "identity.login_taken");
    }

    [Fact]
    public async Task Resident_CannotManageUsers()
    {
        using var resident = await AsAsync("demo-resident");

        using var create = await resident.PostAsJsonAsync("/api/identity/users", NewUser(UniqueLogin(), ["resident"]), Cancellation);
        using var list = await resident.GetAsync(new Uri("/api/identity/users", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task List_IsPagedFilteredByRoleAndLimitedToTheCallersStreet()
    {
        var streetAdmin = await fixture.CreateMemberAsync(fixture.Demo, "street-admin", fixture.NorthStreet, login: UniqueLogin());
        var north = await fixture.CreateMemberAsync(fixture.Demo, "grid-worker", fixture.NorthCommunity, login: UniqueLogin());
        var south = await fixture.CreateMemberAsync(fixture.Demo, "grid-worker", fixture.SouthStreet, login: UniqueLogin());
        using var client = await AsStreetAdminAsync(streetAdmin);
        using var admin = await AsAsync("demo-district-admin");

        var streetView = await client.GetFromJsonAsync<JsonElement>("/api/identity/users?role=grid-worker&pageSize=100", Cancellation);
        var districtView = await admin.GetFromJsonAsync<JsonElement>("/api/identity/users?role=grid-worker&pageSize=1&page=1", Cancellation);

        var streetIds = streetView.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(north, streetIds);
        Assert.DoesNotContain(south, streetIds);
        Assert.All(streetView.GetProperty("items").EnumerateArray(), u => Assert.Contains("grid-worker", u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.Single(districtView.GetProperty("items").EnumerateArray());
        Assert.True(districtView.GetProperty("total").GetInt32() >= 3);
        using var southFromNorth = await client.GetAsync(new Uri($"/api/identity/users/{south}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, southFromNorth.StatusCode);
    }

    [Fact]
    public async Task OtherDistrictsUsers_AreInvisible()
    {
        var otherAdmin = await fixture.CreateMemberAsync(fixture.Other, "district-admin", login: UniqueLogin());
        var demoUser = await fixture.CreateMemberAsync(fixture.Demo, "resident", login: UniqueLogin());
        using var client = fixture.CreateClient(await fixture.AccessTokenAsync(await LoginOfAsync(otherAdmin), IdentityFixture.MemberPassword, fixture.Other.Identifier));

        using var single = await client.GetAsync(new Uri($"/api/identity/users/{demoUser}", UriKind.Relative), Cancellation);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/identity/users?pageSize=100", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        Assert.DoesNotContain(demoUser, list.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
        Assert.All(list.GetProperty("items").EnumerateArray(), u => Assert.Equal("other", u.GetProperty("tenant").GetString()));
        using var grant = await client.PostAsJsonAsync($"/api/identity/users/{Guid.NewGuid()}/memberships", new { roles = new[] { "resident" } }, Cancellation);
        await grant.AssertProblemAsync(HttpStatusCode.NotFound, "identity.user_not_found");
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/identity/audit?pageSize=100", Cancellation);
        Assert.DoesNotContain(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == demoUser.ToString());
    }

    [Fact]
    public async Task Membership_WithBadInput_Is400AndChangesNothing()
    {
        var login = UniqueLogin();
        var userId = await fixture.CreateMemberAsync(fixture.Demo, "volunteer", login: login);
        using var admin = await AsAsync("demo-district-admin");

        using var response = await admin.PostAsJsonAsync($"/api/identity/users/{userId}/memberships", new { roles = Array.Empty<string>(), scopeNodeId = Guid.NewGuid() }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("scopeNodeId", out _));
        var user = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/users/{userId}", Cancellation);
        Assert.Equal(["volunteer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Membership_GrantedInASecondDistrict_LetsTheUserSignInThereWithThoseRoles()
    {
        var login = UniqueLogin();
        var userId = await fixture.CreateMemberAsync(fixture.Demo, "volunteer", login: login);
        var otherAdmin = await fixture.CreateMemberAsync(fixture.Other, "district-admin", login: UniqueLogin());
        using var client = fixture.CreateClient(await fixture.AccessTokenAsync(await LoginOfAsync(otherAdmin), IdentityFixture.MemberPassword, fixture.Other.Identifier));

        // Joining another district is the user's own act: that district invites, the user accepts.
        using var invited = await client.PostAsJsonAsync("/api/identity/invitations", new { login, roles = new[] { "party-member" } }, Cancellation);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
        using var invitee = fixture.CreateClient(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, "demo"));
        using var granted = await invitee.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/accept", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var token = new JsonWebToken(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, "other"));
        Assert.Equal("party-member", token.GetClaim("role").Value);
        var demoToken = new JsonWebToken(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, "demo"));
        Assert.Equal("volunteer", demoToken.GetClaim("role").Value);
        using var admin = fixture.CreateClient(await fixture.AccessTokenAsync(await LoginOfAsync(otherAdmin), IdentityFixture.MemberPassword, "other"));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=membership_changed&pageSize=100", Cancellation);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == userId.ToString());
    }

    private async Task<HttpClient> AsStreetAdminAsync(Guid userId) =>
        fixture.CreateClient(await fixture.AccessTokenAsync(await LoginOfAsync(userId), IdentityFixture.MemberPassword, "demo"));

    private async Task<string> LoginOfAsync(Guid userId)
    {
        var login = "";
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            login = (await users.FindByIdAsync(userId.ToString()))!.UserName!;
        });
        return login;
    }

    private async Task AssertNoSuchLoginAsync(string login) =>
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            Assert.Null(await users.FindByNameAsync(login));
        });
}
