using System.Net.Http.Json;
using System.Net;
using Platform.Districts.Contracts;
using Platform.Testing;

namespace Platform.Districts.Tests;

public sealed class DistrictOnboardingTests(DistrictsFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static object Chaoyang(string identifier, string adminCode, string login, string password = "Admin-Test-2026!") => new
    {
        identifier,
        name = "朝阳区",
        city = "北京市",
        adminCode,
        adminLogin = login,
        adminPassword = password,
        settings = new Dictionary<string, string> { ["labels.meeting.council"] = "议事会" },
    };

    [Fact]
    public async Task Onboard_AsOperator_CreatesDistrictAndItsAdminCanSignInWithinSeconds()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());

        using var response = await client.PostAsJsonAsync("/api/districts", Chaoyang("chaoyang", "110105", "cy-admin"), Cancellation);

        var district = await response.AssertOkAsync(HttpStatusCode.Created);
        Assert.Equal("chaoyang", district.GetProperty("identifier").GetString());
        Assert.Equal("active", district.GetProperty("status").GetString());
        Assert.Equal("Asia/Shanghai", district.GetProperty("settings").GetProperty("timeZone").GetString());
        Assert.Equal("议事会", district.GetProperty("settings").GetProperty("labels.meeting.council").GetString());
        Assert.Equal("/api/districts/chaoyang", response.Headers.Location!.OriginalString);

        var onboarded = await fixture.RecordedAsync<DistrictOnboardedIntegrationEvent>(e => e.Identifier == "chaoyang");
        Assert.Equal(district.GetProperty("id").GetGuid(), onboarded.TenantId);

        var token = await fixture.TokenOnceKnownAsync("cy-admin", "Admin-Test-2026!", "chaoyang");
        using var admin = fixture.Client(token);
        var tree = await (await admin.GetAsync(new Uri("/api/territory/tree", UriKind.Relative), Cancellation)).AssertOkAsync();
        Assert.Empty(tree.GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task Onboard_WithInvalidFields_ListsEachProblemAndCreatesNothing()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());

        using var response = await client.PostAsJsonAsync("/api/districts", new
        {
            identifier = "Bad Slug",
            name = "",
            city = "北京市",
            adminCode = "11010",
            adminLogin = "",
            adminPassword = "",
            settings = new Dictionary<string, string> { ["timeZone"] = "Mars/Olympus" },
        }, Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "identifier", "name", "adminCode", "adminLogin", "adminPassword", "settings.timeZone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Onboard_WithWeakAdminPassword_IsRefusedByIdentityAndLeavesNoDistrict()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());

        using var response = await client.PostAsJsonAsync("/api/districts", Chaoyang("weakpw", "110106", "weak-admin", "short"), Cancellation);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("adminPassword", out _), problem.ToString());
        using var lookup = await client.GetAsync(new Uri("/api/districts/weakpw", UriKind.Relative), Cancellation);
        await lookup.AssertProblemAsync(HttpStatusCode.NotFound, "districts.not_found");
    }

    [Fact]
    public async Task Onboard_TakenIdentifierOrLogin_AnswersConflict()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());
        (await client.PostAsJsonAsync("/api/districts", Chaoyang("haidian", "110108", "hd-admin"), Cancellation)).EnsureSuccessStatusCode();

        using var sameIdentifier = await client.PostAsJsonAsync("/api/districts", Chaoyang("haidian", "110109", "hd-admin-2"), Cancellation);
        await sameIdentifier.AssertProblemAsync(HttpStatusCode.Conflict, "districts.identifier_taken");
        using var sameLogin = await client.PostAsJsonAsync("/api/districts", Chaoyang("fengtai", "110110", "hd-admin"), Cancellation);
        await sameLogin.AssertProblemAsync(HttpStatusCode.Conflict, "identity.login_taken");
        using var fengtai = await client.GetAsync(new Uri("/api/districts/fengtai", UriKind.Relative), Cancellation);
        await fengtai.AssertProblemAsync(HttpStatusCode.NotFound, "districts.not_found");
    }

    [Fact]
    public async Task Districts_AreForOperatorsOnly()
    {
        using var client = fixture.Client(await fixture.DemoTokenAsync("district-admin"));

        using var create = await client.PostAsJsonAsync("/api/districts", Chaoyang("shunyi", "110113", "sy-admin"), Cancellation);
        using var list = await client.GetAsync(new Uri("/api/districts", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task ListAndGet_ShowDistrictsPagedAndFiltered()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());

        var page = await (await client.GetAsync(new Uri("/api/districts?q=演示&pageSize=5", UriKind.Relative), Cancellation)).AssertOkAsync();
        var demo = await (await client.GetAsync(new Uri("/api/districts/demo", UriKind.Relative), Cancellation)).AssertOkAsync();

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("demo", page.GetProperty("items")[0].GetProperty("identifier").GetString());
        Assert.Equal(DemoDistrict.Id, demo.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Suspend_RefusesTheDistrictsRequestsEverywhere_AndReactivatingRestoresThem()
    {
        using var operatorClient = fixture.Client(await fixture.OperatorTokenAsync());
        (await operatorClient.PostAsJsonAsync("/api/districts", Chaoyang("miyun", "110118", "my-admin"), Cancellation)).EnsureSuccessStatusCode();
        await fixture.RecordedAsync<DistrictOnboardedIntegrationEvent>(e => e.Identifier == "miyun");
        var adminToken = await fixture.TokenOnceKnownAsync("my-admin", "Admin-Test-2026!", "miyun");
        using var admin = fixture.Client(adminToken);
        (await admin.GetAsync(new Uri("/api/territory/tree", UriKind.Relative), Cancellation)).EnsureSuccessStatusCode();

        var suspended = await (await operatorClient.PatchJsonAsync("/api/districts/miyun", new { status = "suspended" })).AssertOkAsync();
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());

        using var refused = await admin.GetAsync(new Uri("/api/territory/tree", UriKind.Relative), Cancellation);
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_suspended");
        var changed = await fixture.RecordedAsync<DistrictStatusChangedIntegrationEvent>(e => e.Identifier == "miyun" && e.Status == DistrictStatus.Suspended);
        Assert.Equal(suspended.GetProperty("id").GetGuid(), changed.TenantId);
        // Identity, which learns of it from the event, refuses too: no new tokens for the district.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await fixture.TryTokenAsync("my-admin", "Admin-Test-2026!", "miyun") is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Cancellation);
        }

        Assert.Null(await fixture.TryTokenAsync("my-admin", "Admin-Test-2026!", "miyun"));

        (await operatorClient.PatchJsonAsync("/api/districts/miyun", new { status = "active" })).EnsureSuccessStatusCode();
        (await admin.GetAsync(new Uri("/api/territory/tree", UriKind.Relative), Cancellation)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Patch_ChangesSettings_AndRejectsUnknownStatus()
    {
        using var client = fixture.Client(await fixture.OperatorTokenAsync());
        (await client.PostAsJsonAsync("/api/districts", Chaoyang("pinggu", "110117", "pg-admin"), Cancellation)).EnsureSuccessStatusCode();

        var changed = await (await client.PatchJsonAsync("/api/districts/pinggu", new
        {
            city = "北京",
            settings = new Dictionary<string, string?> { ["labels.meeting.council"] = null, ["labels.stage.collect"] = "集" },
        })).AssertOkAsync();
        using var badStatus = await client.PatchAsync(
            new Uri("/api/districts/pinggu", UriKind.Relative), new StringContent("""{"status":"closed"}""", System.Text.Encoding.UTF8, "application/json"), Cancellation);

        Assert.Equal("北京", changed.GetProperty("city").GetString());
        var settings = changed.GetProperty("settings");
        Assert.False(settings.TryGetProperty("labels.meeting.council", out _));
        Assert.Equal("集", settings.GetProperty("labels.stage.collect").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }
}
