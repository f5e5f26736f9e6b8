using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.ServiceDefaults;

/// <summary>
/// Puts the exception handler and status code pages in front of everything a service adds to its pipeline, so
/// that failures in authentication, tenancy or endpoints all end up as problem details.
/// </summary>
internal sealed class ProblemDetailsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
