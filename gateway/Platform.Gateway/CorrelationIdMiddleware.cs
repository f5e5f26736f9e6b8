using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace Platform.Gateway;

/// <summary>
/// Gives every request a correlation id that the client, the gateway's traces and the services share: the
/// client's own <c>X-Correlation-Id</c> when it is well-formed, otherwise a new one.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";

    private const int MaxLength = 64;
    private const string ActivityTag = "correlation.id";

    public Task InvokeAsync(HttpContext context)
    {
        var id = IsWellFormed(context.Request.Headers[HeaderName]) ? context.Request.Headers[HeaderName].ToString() : NewId();

        // The proxy copies request headers, so the service receives the id that was accepted or generated here.
        context.Request.Headers[HeaderName] = id;
        Activity.Current?.SetTag(ActivityTag, id);

        // Set when the response starts, because error handlers clear the headers of a response they rewrite.
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[HeaderName] = value;
            return Task.CompletedTask;
        }, (context.Response, id));

        return next(context);
    }

    // Anything else could smuggle line breaks or unbounded text into logs and other systems' headers.
    private static bool IsWellFormed(StringValues values) =>
        values is [{ Length: > 0 and <= MaxLength } value]
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string NewId() => Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
}

/// <summary>Registers <see cref="CorrelationIdMiddleware"/>.</summary>
internal static class CorrelationIdExtensions
{
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.UseMiddleware<CorrelationIdMiddleware>();
}
