using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>
/// Accounts are platform-wide, but joining a district is the user's own act: a district invites a login or a
/// phone number and the user accepts or refuses while signed in. Until then the user does not exist for that
/// district: every users endpoint answers their id exactly like an id nobody has.
/// </summary>
public sealed class InvitationTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string UniqueLogin() => $"i-{Guid.NewGuid():N}"[..16];

    [Fact]
    public async Task UsersEndpoints_IdOfAnotherDistrictsUser_AnswerLikeAnUnknownId_AndAttachNothing()
    {
        var (outsider, outsiderLogin) = await OtherDistrictMemberAsync();
        var unknown = Guid.NewGuid();
        using var admin = await DemoAdminAsync();

        using var attachOutsider = await admin.PostAsJsonAsync($"/api/identity/users/{outsider}/memberships", new { roles = new[] { "district-admin" } }, Cancellation);
        using var attachUnknown = await admin.PostAsJsonAsync($"/api/identity/users/{unknown}/memberships", new { roles = new[] { "district-admin" } }, Cancellation);
        using var readOutsider = await admin.GetAsync(new Uri($"/api/identity/users/{outsider}", UriKind.Relative), Cancellation);
        using var readUnknown = await admin.GetAsync(new Uri($"/api/identity/users/{unknown}", UriKind.Relative), Cancellation);

        await attachOutsider.AssertProblemAsync(HttpStatusCode.NotFound, "identity.user_not_found");
        Assert.Equal(await ComparableBodyAsync(attachUnknown), await ComparableBodyAsync(attachOutsider));
        Assert.Equal(HttpStatusCode.NotFound, readOutsider.StatusCode);
        Assert.Equal(await ComparableBodyAsync(readUnknown), await ComparableBodyAsync(readOutsider));
        var (status, _) = await fixture.PasswordTokenAsync(outsiderLogin, IdentityFixture.MemberPassword, "demo");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(await IsMemberAsync(fixture.Demo, outsider));
    }

    [Fact]
    public async Task CreateUser_LoginOfAnotherDistrictsUser_AnswersLikeALoginTakenInThisDistrict_NamingNoAccount()
    {
        var (outsider, outsiderLogin) = await OtherDistrictMemberAsync();
        using var admin = await DemoAdminAsync();
        var ownLogin = UniqueLogin();
        using var own = await admin.PostAsJsonAsync("/api/identity/users", NewResident(ownLogin), Cancellation);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        using var takenHere = await admin.PostAsJsonAsync("/api/identity/users", NewResident(ownLogin), Cancellation);
        using var takenElsewhere = await admin.PostAsJsonAsync("/api/identity/users", NewResident(outsiderLogin), Cancellation);

        var here = await takenHere.AssertProblemAsync(HttpStatusCode.Conflict, "identity.login_taken");
        var elsewhere = await takenElsewhere.AssertProblemAsync(HttpStatusCode.Conflict, "identity.login_taken");
        Assert.Equal(
            here.GetProperty("detail").GetString()!.Replace(ownLogin, "…", StringComparison.Ordinal),
            elsewhere.GetProperty("detail").GetString()!.Replace(outsiderLogin, "…", StringComparison.Ordinal));
        var body = elsewhere.GetRawText();
        Assert.DoesNotContain(outsider.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Other.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fixture.Other.Name, body, StringComparison.Ordinal);
        Assert.False(await IsMemberAsync(fixture.Demo, outsider));
    }

    private static object NewResident(string login) =>
        new { login, displayName = "张三", password = IdentityFixture.MemberPassword, roles = new[] { "resident" } };

    [Fact]
    public async Task Invite_ExistingOrUnknownLogin_AnswersAlike_AndOnlyAnExistingUserSeesIt()
    {
        var (_, login) = await OtherDistrictMemberAsync();
        using var admin = await DemoAdminAsync();

        using var existing = await admin.PostAsJsonAsync("/api/identity/invitations", new { login, roles = new[] { "volunteer" } }, Cancellation);
        using var nobody = await admin.PostAsJsonAsync("/api/identity/invitations", new { login = UniqueLogin(), roles = new[] { "volunteer" } }, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, nobody.StatusCode);
        Assert.Equal(Shape(await existing.Content.ReadFromJsonAsync<JsonElement>(Cancellation)), Shape(await nobody.Content.ReadFromJsonAsync<JsonElement>(Cancellation)));
        using var invitee = await SignedInAsync(login, fixture.Other.Identifier);
        var pending = await invitee.GetFromJsonAsync<JsonElement>("/api/identity/me/invitations", Cancellation);
        var invitation = Assert.Single(pending.GetProperty("items").EnumerateArray());
        Assert.Equal("demo", invitation.GetProperty("tenant").GetString());
        Assert.Equal(["volunteer"], invitation.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Accept_InvitationByPhone_GivesBothMemberships_AndTheUserSignsInToBoth()
    {
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var (userId, login) = await OtherDistrictMemberAsync(phone);
        using var admin = await DemoAdminAsync();
        using var invited = await admin.PostAsJsonAsync("/api/identity/invitations", new { phone, roles = new[] { "grid-worker" }, scopeNodeId = fixture.NorthCommunity }, Cancellation);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
        using var invitee = await SignedInAsync(login, fixture.Other.Identifier);

        using var accepted = await invitee.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/accept", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var demoToken = new JsonWebToken(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, "demo"));
        Assert.Equal("grid-worker", demoToken.GetClaim("role").Value);
        Assert.Equal(fixture.NorthCommunity.ToString(), demoToken.GetClaim("territory").Value);
        var otherToken = new JsonWebToken(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, fixture.Other.Identifier));
        Assert.Equal("resident", otherToken.GetClaim("role").Value);
        using var member = await admin.GetAsync(new Uri($"/api/identity/users/{userId}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        var pending = await invitee.GetFromJsonAsync<JsonElement>("/api/identity/me/invitations", Cancellation);
        Assert.Empty(pending.GetProperty("items").EnumerateArray());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?pageSize=100", Cancellation);
        var actions = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString() is { } subject && (subject == userId.ToString() || subject == invitationId.ToString()))
            .Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("invitation_sent", actions);
        Assert.Contains("invitation_accepted", actions);
        Assert.Contains("membership_changed", actions);
    }

    [Fact]
    public async Task Refuse_Invitation_ChangesNothing_AndCannotBeAcceptedAfterwards()
    {
        var (userId, login) = await OtherDistrictMemberAsync();
        using var admin = await DemoAdminAsync();
        using var invited = await admin.PostAsJsonAsync("/api/identity/invitations", new { login, roles = new[] { "volunteer" } }, Cancellation);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
        using var invitee = await SignedInAsync(login, fixture.Other.Identifier);

        using var refused = await invitee.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/refuse", UriKind.Relative), null, Cancellation);
        using var acceptedLater = await invitee.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/accept", UriKind.Relative), null, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        await acceptedLater.AssertProblemAsync(HttpStatusCode.Conflict, "identity.invitation_not_pending");
        Assert.False(await IsMemberAsync(fixture.Demo, userId));
        var (status, _) = await fixture.PasswordTokenAsync(login, IdentityFixture.MemberPassword, "demo");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/identity/audit?action=invitation_refused&pageSize=100", Cancellation);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("subject").GetString() == userId.ToString());
    }

    [Fact]
    public async Task Accept_ExpiredInvitation_Is409AndChangesNothing()
    {
        var (userId, login) = await OtherDistrictMemberAsync();
        var invitationId = Guid.Empty;
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            // Issued eight days ago: past the default lifetime of seven days.
            var invitation = Invitation.Issue(login, phone: null, ["volunteer"], scopeNodeId: null, invitedBy: null, DateTimeOffset.UtcNow.AddDays(-8), TimeSpan.FromDays(7));
            var db = services.GetRequiredService<IdentityDbContext>();
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(Cancellation);
            invitationId = invitation.Id;
        });
        using var invitee = await SignedInAsync(login, fixture.Other.Identifier);

        var pending = await invitee.GetFromJsonAsync<JsonElement>("/api/identity/me/invitations", Cancellation);
        using var accepted = await invitee.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/accept", UriKind.Relative), null, Cancellation);

        Assert.Empty(pending.GetProperty("items").EnumerateArray());
        await accepted.AssertProblemAsync(HttpStatusCode.Conflict, "identity.invitation_expired");
        Assert.False(await IsMemberAsync(fixture.Demo, userId));
    }

    [Fact]
    public async Task SaveAnswer_AnsweredMeanwhileInAnotherUnitOfWork_FailsInsteadOfOverwriting()
    {
        var invitation = Invitation.Issue(UniqueLogin(), phone: null, ["volunteer"], scopeNodeId: null, invitedBy: null, DateTimeOffset.UtcNow, TimeSpan.FromDays(7));
        await fixture.InScopeAsync(fixture.Demo, async services =>
        {
            var db = services.GetRequiredService<IdentityDbContext>();
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync(Cancellation);
        });

        await fixture.InScopeAsync(fixture.Demo, async first => await fixture.InScopeAsync(fixture.Demo, async second =>
        {
            var refusing = first.GetRequiredService<IdentityDbContext>();
            var accepting = second.GetRequiredService<IdentityDbContext>();
            var refused = await refusing.Invitations.SingleAsync(i => i.Id == invitation.Id, Cancellation);
            var accepted = await accepting.Invitations.SingleAsync(i => i.Id == invitation.Id, Cancellation);
            refused.Refuse(Guid.NewGuid(), DateTimeOffset.UtcNow);
            accepted.Accept(Guid.NewGuid(), DateTimeOffset.UtcNow);
            await refusing.SaveChangesAsync(Cancellation);

            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => accepting.SaveChangesAsync(Cancellation));
        }));
    }

    [Fact]
    public async Task Accept_InvitationForSomeoneElse_Is404()
    {
        var (_, invitedLogin) = await OtherDistrictMemberAsync();
        var (_, otherLogin) = await OtherDistrictMemberAsync();
        using var admin = await DemoAdminAsync();
        using var invited = await admin.PostAsJsonAsync("/api/identity/invitations", new { login = invitedLogin, roles = new[] { "volunteer" } }, Cancellation);
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid();
        using var stranger = await SignedInAsync(otherLogin, fixture.Other.Identifier);

        using var accepted = await stranger.PostAsync(new Uri($"/api/identity/me/invitations/{invitationId}/accept", UriKind.Relative), null, Cancellation);

        await accepted.AssertProblemAsync(HttpStatusCode.NotFound, "identity.invitation_not_found");
    }

    [Fact]
    public async Task Invite_WithBadInput_Is400WithEveryFieldNamed()
    {
        using var admin = await DemoAdminAsync();

        using var neither = await admin.PostAsJsonAsync("/api/identity/invitations", new { roles = new[] { "king" }, scopeNodeId = Guid.NewGuid() }, Cancellation);
        using var both = await admin.PostAsJsonAsync("/api/identity/invitations", new { login = UniqueLogin(), phone = "13800138000", roles = new[] { "resident" } }, Cancellation);

        var problem = await neither.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Superset(new HashSet<string> { "login", "roles", "scopeNodeId" }, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet());
        var twoAddresses = await both.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(twoAddresses.GetProperty("errors").TryGetProperty("login", out _));
    }

    [Fact]
    public async Task StreetAdmin_CannotInviteAboveItsRankOrOutsideItsStreet()
    {
        var login = UniqueLogin();
        await fixture.CreateMemberAsync(fixture.Demo, "street-admin", fixture.NorthStreet, login: login);
        using var streetAdmin = await SignedInAsync(login, "demo");

        using var higher = await streetAdmin.PostAsJsonAsync("/api/identity/invitations", new { login = UniqueLogin(), roles = new[] { "district-admin" }, scopeNodeId = fixture.NorthStreet }, Cancellation);
        using var elsewhere = await streetAdmin.PostAsJsonAsync("/api/identity/invitations", new { login = UniqueLogin(), roles = new[] { "grid-worker" }, scopeNodeId = fixture.SouthStreet }, Cancellation);

        await higher.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.role_above_granter");
        await elsewhere.AssertProblemAsync(HttpStatusCode.Forbidden, "identity.scope_outside_granter");
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheInvitationEndpoints()
    {
        using var anonymous = fixture.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/identity/openapi/v1.json", Cancellation);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/identity/invitations", paths);
        Assert.Contains("/api/identity/me/invitations", paths);
        Assert.Contains("/api/identity/me/invitations/{id}/accept", paths);
        Assert.Contains("/api/identity/me/invitations/{id}/refuse", paths);
        var accept = document.GetProperty("paths").GetProperty("/api/identity/me/invitations/{id}/accept").GetProperty("post");
        Assert.Equal(["id"], accept.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    /// <summary>A resident of the other district, created through that district's own admin (so the phone is stored as the API stores it).</summary>
    private async Task<(Guid Id, string Login)> OtherDistrictMemberAsync(string? phone = null)
    {
        var adminLogin = UniqueLogin();
        await fixture.CreateMemberAsync(fixture.Other, "district-admin", login: adminLogin);
        using var otherAdmin = await SignedInAsync(adminLogin, fixture.Other.Identifier);
        var login = UniqueLogin();
        using var created = await otherAdmin.PostAsJsonAsync(
            "/api/identity/users",
            new { login, displayName = "李四", password = IdentityFixture.MemberPassword, phone, roles = new[] { "resident" } },
            Cancellation);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetGuid(), login);
    }

    private async Task<HttpClient> DemoAdminAsync() =>
        fixture.CreateClient(await fixture.AccessTokenAsync("demo-district-admin", IdentityFixture.DemoPassword, "demo"));

    private async Task<HttpClient> SignedInAsync(string login, string tenant) =>
        fixture.CreateClient(await fixture.AccessTokenAsync(login, IdentityFixture.MemberPassword, tenant));

    private async Task<bool> IsMemberAsync(Platform.MultiTenancy.TenantInfo tenant, Guid userId)
    {
        var isMember = false;
        await fixture.InScopeAsync(tenant, async services =>
            isMember = await services.GetRequiredService<IdentityDbContext>().Memberships.AnyAsync(m => m.UserId == userId, Cancellation));
        return isMember;
    }

    /// <summary>
    /// The answer without what differs between any two requests: the trace id, and the instance, which echoes the
    /// requested path and so the id the caller sent.
    /// </summary>
    private static async Task<string> ComparableBodyAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancellation))!.AsObject();
        body.Remove("traceId");
        body.Remove("instance");
        return $"{(int)response.StatusCode} {body.ToJsonString()}";
    }

    /// <summary>The member names and value kinds of an answer, which must not tell an existing login from an unknown one.</summary>
    private static string Shape(JsonElement body) =>
        string.Join(",", body.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));
}
