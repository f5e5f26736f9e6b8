using Platform.ServiceDefaults;

namespace Platform.Portal.Ui;

/// <summary>
/// The large-text (elderly) mode: a visible toggle in the top bar, remembered in a cookie, so that it works on the
/// plain pages without any script. The cookie holds a preference, not a secret.
/// </summary>
internal static class TextSize
{
    public const string TogglePath = "/preferences/text-size";
    public const string CookieName = "gongzhi.text-size";
    public const string LargeClass = "large-text";
    private const string Large = "large";

    public static bool IsLarge(HttpContext? context) => context?.Request.Cookies[CookieName] == Large;

    /// <summary>The toggle's address from <paramref name="page"/>: switches to the other size and comes back.</summary>
    public static string ToggleLink(bool large, string page) =>
        $"{TogglePath}?large={(large ? "false" : "true")}&returnUrl={Uri.EscapeDataString(page)}";

    public static IEndpointRouteBuilder MapTextSizeToggle(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TogglePath, (HttpContext context, bool? large, string? returnUrl) =>
        {
            if (large == true)
            {
                context.Response.Cookies.Append(CookieName, Large, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
                });
            }
            else
            {
                context.Response.Cookies.Delete(CookieName);
            }

            return Results.LocalRedirect(ReturnUrls.LocalOrRoot(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
