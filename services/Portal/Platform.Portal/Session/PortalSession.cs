using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Platform.Contracts;
using Platform.Portal.Api;
using Platform.Portal.Data;

namespace Platform.Portal.Session;

/// <summary>
/// The back end for the front end: the portal signs users in with the authorization-code flow (PKCE) of the
/// public client <c>portal</c> on Identity's login page, keeps their tokens in the server-side session behind an
/// HttpOnly cookie, and calls the APIs with them. No token reaches the browser.
/// </summary>
internal static class PortalSession
{
    public const string CookieName = "gongzhi.portal";

    /// <summary>The sign-in request parameter that names the district, passed on to the authorization request.</summary>
    public const string TenantParameter = "tenant";

    public static WebApplicationBuilder AddPortalSession(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = PortalOptions.From(builder.Configuration);
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName)
            .Validate(portal => portal.Gateway is { IsAbsoluteUri: true }, $"{PortalOptions.SectionName}:Gateway is not configured.")
            .ValidateOnStart();

        // Secure outside development, where TLS ends in front of the gateway; plain HTTP works on a developer's machine.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        // In the portal's database, with the key ring that encrypts them, so that any replica serves any session.
        builder.AddPortalDatabase();
        services.AddSingleton<IDistributedCache, DatabaseSessionCache>();
        services.AddHostedService<ExpiredSessionSweep>();
        services.AddSingleton<SessionTicketStore>();
        services.AddHttpClient<TokenClient>().RetryingReadsOnly(options.ApiAttemptTimeout);
        services.AddScoped<UserTokens>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = securePolicy;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                // The district is asked first (the login page does not know it), then the token server's login page.
                cookie.LoginPath = SignInEndpoints.SignInPagePath;
                cookie.AccessDeniedPath = SignInEndpoints.ForbiddenPagePath;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.Gateway?.ToString();
                oidc.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                oidc.ClientId = options.ClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.Scope.Clear();
                foreach (var scope in (string[])["openid", "profile", "roles", "api", "offline_access"])
                {
                    oidc.Scope.Add(scope);
                }

                // The userinfo endpoint names the district, the roles and the territory scope of the membership.
                oidc.ClaimActions.MapUniqueJsonKey(PortalRoles.TenantClaim, PortalRoles.TenantClaim);
                oidc.ClaimActions.MapUniqueJsonKey("tenant_id", "tenant_id");
                oidc.ClaimActions.MapUniqueJsonKey("territory", "territory");
                oidc.ClaimActions.MapUniqueJsonKey("preferred_username", "preferred_username");
                oidc.ClaimActions.MapJsonKey(PortalRoles.RoleClaim, PortalRoles.RoleClaim);
                oidc.TokenValidationParameters.NameClaimType = PortalRoles.NameClaim;
                oidc.TokenValidationParameters.RoleClaimType = PortalRoles.RoleClaim;

                // Same origin throughout (the gateway serves the portal and the token server), so Lax suffices and
                // works on plain HTTP in development, where SameSite=None cookies would be dropped.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = securePolicy;
                oidc.NonceCookie.SecurePolicy = securePolicy;
                oidc.SignedOutRedirectUri = SignInEndpoints.SignInPagePath;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Properties.Items.TryGetValue(TenantParameter, out var tenant) && tenant is not null)
                    {
                        context.ProtocolMessage.SetParameter(TenantParameter, tenant);
                    }

                    return Task.CompletedTask;
                };
                // A refusal at the token server (unknown or suspended district, no membership) ends on the sign-in
                // page with its reason instead of an exception page.
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect($"{SignInEndpoints.SignInPagePath}?failed=1");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionTicketStore>((cookie, store) => cookie.SessionStore = store);

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalRoles.BackOfficePolicy, policy => policy.RequireRole(PortalRoles.BackOffice))
            .AddPolicy(PortalRoles.ResidentPolicy, policy => policy.RequireRole(PlatformRoleNames.Resident))
            .AddPolicy(PortalRoles.AuditorPolicy, policy => policy.RequireRole(PlatformRoleNames.DistrictAdmin))
            .AddPolicy(PortalRoles.UserManagerPolicy, policy => policy.RequireRole(PortalRoles.UserManagers))
            .AddPolicy(PortalRoles.OperatorPolicy, policy => policy.RequireRole(PlatformRoleNames.PlatformOperator));
        services.AddCascadingAuthenticationState();

        // Behind the gateway: the redirect and callback addresses use the public scheme and host.
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }
}
