using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.MultiTenancy.Resolution;
using Platform.MultiTenancy.Storage;
using Platform.Testing;

namespace Platform.MultiTenancy.Tests;

public sealed class TenantResolutionTests
{
    private sealed record WhoAmI(string? Tenant, string? Source, string Path);

    [Fact]
    public async Task Resolve_TokenClaimOnly_RunsInClaimedTenant()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: $"tenant_id={TestTenants.Chaoyang.Id}");

        Assert.Equal(new WhoAmI("chaoyang", "claim", "/whoami"), await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resolve_IdentifierClaimOnly_RunsInClaimedTenant()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: "tenant=mentougou");

        Assert.Equal("mentougou", (await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!.Tenant);
    }

    [Fact]
    public async Task Resolve_TenantSubdomain_RunsInHostTenant()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", host: "chaoyang.gongzhi.test");

        Assert.Equal(new WhoAmI("chaoyang", "host", "/whoami"), await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resolve_HostOfAnotherDomain_RunsWithoutTenant()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", host: "chaoyang.example.org");

        Assert.Null((await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!.Tenant);
    }

    [Fact]
    public async Task Resolve_PathPrefix_RunsInPathTenantAndRoutesWithoutPrefix()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/t/mentougou/whoami");

        Assert.Equal(new WhoAmI("mentougou", "path", "/whoami"), await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resolve_HeaderWithMatchingClaim_IsAccepted()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: $"tenant_id={TestTenants.Chaoyang.Id};tenant=chaoyang", tenantHeader: "chaoyang");

        Assert.Equal("chaoyang", (await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!.Tenant);
    }

    [Fact]
    public async Task Resolve_HeaderWithoutClaim_IsRejected()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", tenantHeader: "chaoyang");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_header_rejected");
    }

    [Fact]
    public async Task Resolve_HeaderNamingAnotherTenantThanClaim_IsRejected()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: $"tenant_id={TestTenants.Chaoyang.Id};tenant=chaoyang", tenantHeader: "mentougou");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_header_rejected");
    }

    [Fact]
    public async Task Resolve_TokenForOneTenantOnHostOfAnother_IsRejected()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: $"tenant_id={TestTenants.Chaoyang.Id}", host: "mentougou.gongzhi.test");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_mismatch");
    }

    [Fact]
    public async Task Resolve_TokenForOneTenantOnPathOfAnother_IsRejected()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/t/mentougou/whoami", claims: $"tenant_id={TestTenants.Chaoyang.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_mismatch");
    }

    [Fact]
    public async Task Resolve_ClaimHostAndPathAgree_ClaimDecidesByDefaultOrder()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/t/chaoyang/whoami", claims: "tenant=chaoyang", host: "chaoyang.gongzhi.test");

        Assert.Equal("claim", (await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!.Source);
    }

    [Fact]
    public async Task Resolve_PathConfiguredBeforeHost_PathDecides()
    {
        await using var app = await StartAsync(options =>
        {
            options.Strategies.Clear();
            options.Strategies.Add(typeof(PathTenantStrategy));
            options.Strategies.Add(typeof(HostTenantStrategy));
        });

        var response = await GetAsync(app, "/t/chaoyang/whoami", host: "chaoyang.gongzhi.test");

        Assert.Equal(new WhoAmI("chaoyang", "path", "/whoami"), await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resolve_StrategyLeftOutOfOrder_IsIgnored()
    {
        await using var app = await StartAsync(options =>
        {
            options.Strategies.Clear();
            options.Strategies.Add(typeof(ClaimTenantStrategy));
        });

        var response = await GetAsync(app, "/whoami", host: "chaoyang.gongzhi.test");

        Assert.Null((await response.Content.ReadFromJsonAsync<WhoAmI>(TestContext.Current.CancellationToken))!.Tenant);
    }

    [Fact]
    public async Task Resolve_SuspendedTenant_IsRefusedWithClearCode()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/whoami", claims: $"tenant_id={TestTenants.Suspended.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "tenant_suspended");
    }

    [Fact]
    public async Task Resolve_UnknownTenant_IsNotFound()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/t/atlantis/whoami");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "tenant_not_found");
    }

    [Fact]
    public async Task RequireTenant_RequestWithoutTenant_IsBadRequest()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/tenant-only");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "tenant_required");
    }

    [Fact]
    public async Task RequireTenant_RequestInTenant_IsServed()
    {
        await using var app = await StartAsync();

        var response = await GetAsync(app, "/tenant-only", claims: "tenant=chaoyang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<WebApplication> StartAsync(Action<TenantResolutionOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(ClaimsFromHeaderAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ClaimsFromHeaderAuthentication>(ClaimsFromHeaderAuthentication.SchemeName, null);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ITenantStore, TestTenants.Store>();
        builder.Services.AddMultiTenancy(options =>
        {
            options.HostDomains.Add("gongzhi.test");
            configure?.Invoke(options);
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseMultiTenancy();
        app.UseRouting();
        app.MapGet("/whoami", (HttpContext http, ITenantContext tenant) =>
            new WhoAmI(tenant.Tenant?.Identifier, tenant.Source, http.Request.Path));
        app.MapGet("/tenant-only", () => "ok").RequireTenant();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static Task<HttpResponseMessage> GetAsync(WebApplication app, string path, string? claims = null, string? host = null, string? tenantHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (claims is not null)
        {
            request.Headers.Add(ClaimsFromHeaderAuthentication.Header, claims);
        }

        if (tenantHeader is not null)
        {
            request.Headers.Add(TenantClaimTypes.TenantHeader, tenantHeader);
        }

        var client = app.GetTestClient();
        if (host is not null)
        {
            client.BaseAddress = new Uri($"http://{host}");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
