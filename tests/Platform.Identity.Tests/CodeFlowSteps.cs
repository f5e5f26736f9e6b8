using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Identity.Tests;

/// <summary>The browser's side of the portal's authorization-code flow with PKCE, step by step, for tests that drive it.</summary>
internal static partial class CodeFlowSteps
{
    public const string PortalRedirectUri = "http://localhost:5173/auth/callback";

    /// <summary>A new PKCE verifier and the authorization request of the portal client for the demo district that carries its challenge.</summary>
    public static (string Verifier, Uri Authorize) PortalAuthorization(string state)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "portal", ["response_type"] = "code", ["redirect_uri"] = PortalRedirectUri,
            ["scope"] = "openid api offline_access", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
            ["state"] = state, ["tenant"] = "demo",
        });
        return (verifier, new Uri(authorize, UriKind.Relative));
    }

    /// <summary>The form a user sends from the login page <paramref name="loginPage"/>: its anti-forgery token and return address, with the credentials.</summary>
    public static FormUrlEncodedContent SignInForm(string loginPage, string login, string password) => new(
    [
        new(AntiforgeryField().Match(loginPage).Groups[1].Value, AntiforgeryField().Match(loginPage).Groups[2].Value),
        new("returnUrl", WebUtility.HtmlDecode(ReturnUrlField().Match(loginPage).Groups[1].Value)),
        new("login", login),
        new("password", password),
    ]);

    /// <summary>The token request that redeems the code the portal received at its redirect address <paramref name="callback"/>.</summary>
    public static KeyValuePair<string, string>[] CodeRedemption(Uri callback, string verifier) =>
    [
        new("grant_type", "authorization_code"), new("client_id", "portal"),
        new("code", QueryHelpers.ParseQuery(callback.Query)["code"].ToString()),
        new("redirect_uri", PortalRedirectUri), new("code_verifier", verifier),
    ];

    [GeneratedRegex("name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
