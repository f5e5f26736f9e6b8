namespace Platform.Portal.Security;

/// <summary>The browser-side protections of every portal response: content security policy and its companions.</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal itself (no inline script, no eval); styles may be inline because the UI kit sets
    /// element styles; connections (the interactive pages' WebSocket) and form posts to the one origin only; no
    /// framing, so the pages cannot be overlaid by another site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The policy above already forbids framing; antiforgery's own frame header would be a second, weaker policy.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddAntiforgery(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
}
