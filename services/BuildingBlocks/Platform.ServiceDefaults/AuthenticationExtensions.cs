using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults;

/// <summary>
/// Validation of the access tokens that the Identity service (OpenIddict) issues.
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>The configuration section that names the token issuer.</summary>
    public const string ConfigurationSection = "Identity";

    /// <summary>
    /// How far a token's expiry and not-before times may be off the clock. Our hosts keep their clocks in sync;
    /// the library default of five minutes let expired tokens work for that long.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string BackchannelClientName = "identity-metadata";
    private const string AccessTokenType = "at+jwt";
    private const string NameClaim = "name";
    private const string RoleClaim = "role";

    /// <summary>
    /// Authenticates requests with the bearer access tokens issued by the Identity service and makes an
    /// authenticated caller the default and the fallback authorization policy.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <c>Identity:Authority</c> is required and may be a service discovery address such as
    /// <c>http://identity</c>: discovery metadata and signing keys are fetched through the
    /// <see cref="IHttpClientFactory"/>, which <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>
    /// sets up with service discovery. <c>Identity:Audience</c> is optional; without it the audience is not checked.
    /// </para>
    /// <para>
    /// Claims keep their JWT names (<c>sub</c>, <c>role</c>, <c>tenant_id</c>). The user's name is the <c>name</c>
    /// claim, or <c>sub</c> when a token has none (client-credentials tokens). Because the fallback policy requires
    /// an authenticated caller, an endpoint that must stay public says so with <c>AllowAnonymous()</c>.
    /// </para>
    /// </remarks>
    /// <typeparam name="TBuilder">The kind of host builder.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration, IHostEnvironment, IHttpClientFactory>((options, configuration, environment, httpClients) =>
            {
                var identity = configuration.GetSection(ConfigurationSection);
                options.Authority = identity["Authority"];
                options.Audience = identity["Audience"];
                options.RequireHttpsMetadata = !environment.IsDevelopment();
                options.Backchannel = httpClients.CreateClient(BackchannelClientName);
                options.MapInboundClaims = false;

                var validation = options.TokenValidationParameters;
                validation.ValidTypes = [AccessTokenType];
                validation.ClockSkew = ClockSkew;
                validation.ValidateAudience = !string.IsNullOrEmpty(options.Audience);
                validation.NameClaimTypeRetriever = (token, _) => HasName(token) ? NameClaim : CallerExtensions.SubjectClaim;
                validation.RoleClaimType = RoleClaim;
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.Authority), $"{ConfigurationSection}:Authority is not configured.")
            .ValidateOnStart();

        var authenticatedCaller = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .Build();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticatedCaller)
            .SetFallbackPolicy(authenticatedCaller);

        return builder;
    }

    private static bool HasName(SecurityToken token) =>
        token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(NameClaim, out var name) && !string.IsNullOrEmpty(name);
}
