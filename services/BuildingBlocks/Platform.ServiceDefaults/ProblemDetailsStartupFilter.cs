using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>
/// Puts the exception handler and status code pages in front of everything a service adds to its pipeline, so
/// that failures in authentication, tenancy or endpoints all end up as problem details, and the input screen
/// after them, so that no service code sees input that no service accepts.
/// </summary>
internal sealed class ProblemDetailsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<InputScreenMiddleware>();
        next(app);
    };
}
