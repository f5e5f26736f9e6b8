using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.Contracts;

namespace Platform.Benchmarks.ResidentSearch;

/// <summary>
/// Street admins' access tokens shaped like Identity's, signed with a key only the benchmark's residents service
/// trusts, so the benchmark measures the residents service (its real authentication and scope check included)
/// without running Identity.
/// </summary>
internal static class StreetAdminTokens
{
    private const string Issuer = "https://identity.benchmark.invalid/";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "benchmark" };

    /// <summary>A token of the admin of <paramref name="streetId"/> in the district <paramref name="tenant"/>.</summary>
    public static string For(Guid tenantId, string tenant, Guid streetId) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["name"] = "benchmark",
                ["tenant_id"] = tenantId.ToString(),
                ["tenant"] = tenant,
                ["role"] = PlatformRoleNames.StreetAdmin,
                ["territory"] = streetId.ToString(),
                ["scope"] = "api",
            },
        });

    /// <summary>Makes the service trust <see cref="Key"/> instead of fetching Identity's metadata.</summary>
    public static void Trust(JwtBearerOptions options)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, SigningKeys = { Key } };
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }
}
