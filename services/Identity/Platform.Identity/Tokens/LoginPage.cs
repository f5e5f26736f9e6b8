using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// The sign-in page of the authorization-code flow: a plain form (no scripts) that residents of any age can
/// use on any phone. A successful sign-in sets the identity cookie and returns to the authorization request.
/// </summary>
internal static class LoginPage
{
    public const string Path = "/account/login";

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Render(context, antiforgery, ReturnUrls.LocalOrRoot(returnUrl), error: null))
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        IAntiforgery antiforgery,
        PasswordCheck passwords,
        [FromForm] LoginForm form,
        CancellationToken cancellationToken)
    {
        var returnUrl = ReturnUrls.LocalOrRoot(form.ReturnUrl);
        var user = await passwords.VerifyAsync(form.Login, form.Password, cancellationToken);
        if (user is null)
        {
            return Render(context, antiforgery, returnUrl, "登录名或密码错误，或账号已被暂时锁定。");
        }

        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim(Claims.Name, user.DisplayName));
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>";
        var page = $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 · 共治</title>
            <style>
              body { font: 20px/1.6 system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; }
              label, input, button { display: block; width: 100%; box-sizing: border-box; }
              input { font-size: 1.1em; padding: .5em; margin: .25em 0 1em; }
              button { font-size: 1.1em; padding: .6em; }
              .error { color: #b00020; }
            </style>
            </head>
            <body>
            <h1>共治 · 登录</h1>
            {{message}}
            <form method="post" action="{{html.Encode(context.Request.PathBase + Path)}}">
              <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
              <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
              <label for="login">登录名</label>
              <input id="login" name="login" autocomplete="username" required autofocus>
              <label for="password">密码</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">登录</button>
            </form>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>The login form's fields.</summary>
internal sealed record LoginForm(string? Login, string? Password, string? ReturnUrl);
