using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Tests;

/// <summary>Access tokens shaped like the Identity service's, signed with a key only the test gateway trusts.</summary>
internal static class TestTokens
{
    public const string Chaoyang = "chaoyang";
    public const string Haidian = "haidian";
    public const string PortalClient = "portal";

    private const string Issuer = "https://identity.gongzhi.test/";

    private static readonly RsaSecurityKey TrustedKey = new(RSA.Create(2048)) { KeyId = "trusted" };
    private static readonly RsaSecurityKey UnknownKey = new(RSA.Create(2048)) { KeyId = "unknown" };

    /// <summary>
    /// A valid token. Its subject is a new user unless <paramref name="subject"/> names one; a machine client's
    /// token has the client id as its subject.
    /// </summary>
    public static string Create(string tenant = Chaoyang, string clientId = PortalClient, string? subject = null) =>
        Sign(tenant, clientId, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), TrustedKey, subject);

    // Far past the clock skew that token validation allows.
    public static string CreateExpired() =>
        Sign(Chaoyang, PortalClient, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-30), TrustedKey);

    /// <summary>A token that expired <paramref name="expiredFor"/> ago, after a lifetime of ten minutes.</summary>
    public static string CreateExpiredFor(TimeSpan expiredFor) =>
        Sign(Chaoyang, PortalClient, DateTime.UtcNow - expiredFor - TimeSpan.FromMinutes(10), DateTime.UtcNow - expiredFor, TrustedKey);

    public static string CreateWithUnknownKey() =>
        Sign(Chaoyang, PortalClient, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), UnknownKey);

    /// <summary>A valid token whose payload is then changed to name another tenant, keeping the signature.</summary>
    public static string CreateTampered()
    {
        var parts = Create().Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace($"\"{Chaoyang}\"", $"\"{Haidian}\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    /// <summary>Makes the gateway trust <see cref="TrustedKey"/> without fetching the issuer's metadata.</summary>
    public static void Trust(JwtBearerOptions options)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, SigningKeys = { TrustedKey } };
        options.Configuration = configuration;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    private static string Sign(string tenant, string clientId, DateTime notBefore, DateTime expires, SecurityKey key, string? subject = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject ?? Guid.NewGuid().ToString(),
                ["tenant_id"] = TenantId(tenant).ToString(),
                ["tenant"] = tenant,
                ["role"] = "resident",
                ["scope"] = "api",
                ["client_id"] = clientId,
            },
        });

    private static Guid TenantId(string tenant) => new(SHA256.HashData(Encoding.UTF8.GetBytes(tenant)).AsSpan(0, 16));
}
