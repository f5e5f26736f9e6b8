using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing.Identity;

/// <summary>
/// Turns a genuine access token of the identity service into one that expired a while ago, signed again with
/// the service's own key: every claim, the issuer, the type and the key id stay genuine, only the lifetime moves.
/// </summary>
public static class ExpiredTokens
{
    /// <summary>
    /// <paramref name="accessToken"/> as if it had been issued one lifetime earlier, so that it expired
    /// <paramref name="expiredFor"/> ago; <paramref name="keyDirectory"/> is the identity service's <c>Identity:KeyDirectory</c>.
    /// </summary>
    public static string Expire(string accessToken, string keyDirectory, TimeSpan expiredFor)
    {
        var genuine = new JsonWebToken(accessToken);
        var lifetime = genuine.ValidTo - genuine.IssuedAt;
        var expires = DateTimeOffset.UtcNow - expiredFor;
        var issued = expires - lifetime;

        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(genuine.EncodedPayload))!.AsObject();
        payload["exp"] = expires.ToUnixTimeSeconds();
        payload["iat"] = issued.ToUnixTimeSeconds();
        payload["nbf"] = issued.ToUnixTimeSeconds();

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(keyDirectory, "signing.pem")));
        var key = new RsaSecurityKey(rsa) { KeyId = genuine.Kid };
        return new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(key, genuine.Alg),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = genuine.Typ });
    }
}
