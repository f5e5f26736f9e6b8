using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>
/// A request that changes something runs to its end even when its caller goes away: the change commits whole or not
/// at all either way, and a resident whose phone lost its connection finds the demand filed when they look again.
/// </summary>
/// <remarks>
/// Cancelling the database work of an abandoned write does not save work, it adds some: Npgsql answers a cancelled
/// command with a cancel request to PostgreSQL over a new connection, made synchronously on a thread-pool thread.
/// Under overload, when callers time out by the hundred, those blocked threads starved the pool and the service
/// stopped answering at all. Reads stay cancellable; shutting the service down still cancels everything.
/// </remarks>
public static class WritesOutliveTheirCaller
{
    /// <summary>Replaces <see cref="HttpContext.RequestAborted"/> of every write with the application's stopping token.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static IApplicationBuilder UseWritesThatOutliveTheirCaller(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use((context, next) =>
        {
            if (IsWrite(context.Request.Method))
            {
                context.RequestAborted = stopping;
            }

            return next(context);
        });
    }

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
}
