using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Platform.ServiceDefaults;

namespace Platform.Portal.Session;

/// <summary>Starting a sign-in at the token server and signing out of it.</summary>
internal static partial class SignInEndpoints
{
    /// <summary>The page that asks for the district, where a signed-out user is sent.</summary>
    public const string SignInPagePath = "/signin";

    /// <summary>The 403 page for a signed-in user without the role a page needs.</summary>
    public const string ForbiddenPagePath = "/forbidden";

    // Not under /account/: the gateway sends that to the identity service (its login page).
    public const string StartPath = "/session/signin";
    public const string SignOutPath = "/session/signout";

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, (string? district, string? returnUrl) =>
            DistrictNamed(district) is { } named
                ? Results.Challenge(
                    new AuthenticationProperties(new Dictionary<string, string?> { [PortalSession.TenantParameter] = named })
                    {
                        RedirectUri = ReturnUrls.LocalOrRoot(returnUrl),
                    },
                    [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.LocalRedirect($"{SignInPagePath}?invalid=1"))
            .AllowAnonymous();

        endpoints.MapPost(SignOutPath, SignOutAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task SignOutAsync(HttpContext context, IAntiforgery antiforgery, UserTokens tokens, TokenClient tokenClient)
    {
        // Another site must not be able to sign the user out with a form of its own.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.Redirect(SignInPagePath);
            return;
        }

        if (await tokens.RefreshTokenAsync(context.User) is { } refreshToken)
        {
            await tokenClient.RevokeAsync(refreshToken, context.RequestAborted);
        }

        // The token server's session first: its end-session request carries the identity token, read from the
        // portal session, which the cookie's sign-out then removes.
        await context.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = SignInPagePath + "?signedOut=1" });
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The district identifier typed in <paramref name="text"/>, or null when it cannot be one.</summary>
    public static string? DistrictNamed(string? text) =>
        text?.Trim().ToLowerInvariant() is { } named && DistrictIdentifier().IsMatch(named) ? named : null;

    // As the districts service names them (lower-case letters, digits and hyphens).
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex DistrictIdentifier();
}
