using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Platform.Domain;

namespace Platform.ServiceDefaults;

/// <summary>
/// Answers a <see cref="DomainException"/> that an endpoint let through with <see cref="DomainProblems"/>' problem,
/// so slices throw domain refusals instead of catching and translating each one.
/// </summary>
/// <remarks>
/// Registered before <see cref="RequestFailureHandler"/>, which answers everything else; in development the
/// developer exception page hands exceptions to both in that order (<see cref="RequestFailureDeveloperPageFilter"/>).
/// </remarks>
internal sealed class DomainExceptionHandler : IExceptionHandler
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
}
