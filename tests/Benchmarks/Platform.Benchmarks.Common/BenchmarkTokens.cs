using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Benchmarks;

/// <summary>
/// Access tokens shaped like Identity's, signed with a key only the benchmark's service trusts, so a benchmark
/// measures the service (its real authentication included) without running Identity.
/// </summary>
public static class BenchmarkTokens
{
    /// <summary>The issuer the tokens name; the service's <c>Identity:Authority</c>.</summary>
    public const string Issuer = "https://identity.benchmark.invalid/";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "benchmark" };

    /// <summary>A token of a district admin of <paramref name="tenant"/>, valid for two hours.</summary>
    public static string DistrictAdmin(Guid tenantId, string tenant) => For(tenantId, tenant, "district-admin", territory: null);

    /// <summary>A token of a member of <paramref name="tenant"/> with <paramref name="role"/>, scoped to <paramref name="territory"/> when given.</summary>
    public static string For(Guid tenantId, string tenant, string role, Guid? territory)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(),
            ["name"] = "benchmark",
            ["tenant_id"] = tenantId.ToString(),
            ["tenant"] = tenant,
            ["role"] = role,
            ["scope"] = "api",
        };
        if (territory is { } node)
        {
            claims["territory"] = node.ToString();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }

    /// <summary>Makes the service trust <see cref="Key"/> instead of fetching Identity's metadata.</summary>
    public static void Trust(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, SigningKeys = { Key } };
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }
}
