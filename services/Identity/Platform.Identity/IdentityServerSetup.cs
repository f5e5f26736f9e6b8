using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Platform.Identity.Audit;
using Platform.Identity.Data;
using Platform.Identity.Domain;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity;

/// <summary>ASP.NET Core Identity, the OpenIddict server and the authorization policies of this service.</summary>
internal static class IdentityServerSetup
{
    /// <summary>The Data Protection application name every replica of the identity service shares.</summary>
    public const string DataProtectionApplicationName = "gongzhi-identity";

    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityServiceOptions.SectionName).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        var keyDirectory = Path.GetFullPath(options.KeyDirectory, builder.Environment.ContentRootPath);
        var services = builder.Services;

        services.AddIdentityCore<PlatformUser>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = true;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager();

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                // The interactive session of the authorization-code flow only; APIs take bearer tokens.
                cookie.LoginPath = LoginPage.Path;
                cookie.Cookie.Name = "gongzhi.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }

                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetEndSessionEndpointUris("connect/endsession");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                if (options.PasswordGrantEnabled)
                {
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes([.. ApiScopes.All]);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Role);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                // Signed, not encrypted: every service validates access tokens itself against the published keys.
                server.AddSigningKey(SigningKeys.LoadOrCreate(keyDirectory, "signing"))
                    .AddEncryptionKey(SigningKeys.LoadOrCreate(keyDirectory, "encryption"))
                    .DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (options.AllowInsecureHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                // This service's own API validates tokens in-process against the server above.
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        var caller = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(caller)
            .SetFallbackPolicy(caller)
            .AddPolicy(UsersEndpoints.ManagersPolicy, policy => policy.Combine(caller).RequireRole(PlatformRoles.UserManagers))
            .AddPolicy(Users.DistrictAdminsEndpoints.OperatorsPolicy, policy => policy.Combine(caller).RequireRole(PlatformRoles.PlatformOperator))
            .AddPolicy(AuditEndpoints.AuditorsPolicy, policy => policy.Combine(caller).RequireRole(PlatformRoles.PlatformOperator, PlatformRoles.DistrictAdmin));

        // The sign-in cookie and the login page's anti-forgery tokens are protected with a key ring kept in the
        // identity database, so that a form served by one replica is accepted by another and a session survives
        // a restart. The fixed application name keeps replicas in one key space wherever they are installed. The
        // ring is encrypted with the certificate beside the signing keys; decryption names it explicitly because
        // on Linux no certificate store would find it (keys written before it existed stay readable).
        var keyRing = KeyRingCertificate.LoadOrCreate(keyDirectory);
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<IdentityDbContext>()
            .ProtectKeysWithCertificate(keyRing)
            .UnprotectKeysWithAnyCertificate(keyRing);
        services.AddAntiforgery();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<Territory.TerritoryScopes>();
        return builder;
    }
}
