using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Platform.Domain;

namespace Platform.ServiceDefaults;

/// <summary>
/// Answers a <see cref="DomainException"/> that an endpoint let through with <see cref="DomainProblems"/>' problem,
/// so slices throw domain refusals instead of catching and translating each one.
/// </summary>
/// <remarks>
/// It serves both error paths a service has: the exception handler middleware (every environment) and, in
/// development, the developer exception page, which sits inside that middleware and would otherwise answer a
/// refusal with a 500.
/// </remarks>
internal sealed class DomainExceptionHandler : IExceptionHandler, IDeveloperPageExceptionFilter
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain || httpContext.Response.HasStarted)
        {
            return false;
        }

        await domain.ToProblem().ExecuteAsync(httpContext);
        return true;
    }

    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        if (!await TryHandleAsync(errorContext.HttpContext, errorContext.Exception, errorContext.HttpContext.RequestAborted))
        {
            await next(errorContext);
        }
    }
}
