using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults;

/// <summary>Whether error answers may show exception internals.</summary>
public sealed class ErrorDetailsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Errors";

    /// <summary>
    /// Adds the exception (type, message, stack trace) to 500 answers. Off by default in every environment,
    /// development included: answers are the same wherever the service runs unless someone asks otherwise.
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }
}

/// <summary>
/// Answers every exception a request raises with a problem details body and never with its internals: a
/// malformed request (<see cref="BadHttpRequestException"/>, which includes parameter binding failures) is a
/// 4xx naming the field where there is one, the database out of reach (restarting, failing over, its connections
/// used up) a 503 with <c>Retry-After</c> (the request may be sent again in a moment), anything else a 500 that
/// carries only the trace id, under which the exception is logged.
/// </summary>
internal sealed partial class RequestFailureHandler(
    IProblemDetailsService problemDetails,
    IOptions<ErrorDetailsOptions> options,
    ILogger<RequestFailureHandler> logger) : IExceptionHandler
{
    // Binding messages name the parameter as "Type name", e.g. Failed to bind parameter "Nullable<bool> reveal" from "1".
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    private static readonly TimeSpan s_retryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        var problem = exception switch
        {
            BadHttpRequestException badRequest => ClientFault(badRequest),
            _ when IsDatabaseOutage(exception) => Unavailable(httpContext, exception, traceId),
            _ => ServerFault(exception, traceId),
        };
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem })
            || await WritePlainAsync(httpContext, problem, cancellationToken);
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ClientFault(BadHttpRequestException exception)
    {
        var field = FieldOf(exception);
        if (exception.StatusCode == StatusCodes.Status400BadRequest && field is not null)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [FieldMessage(exception)] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ProblemResults.ValidationFailedTitle,
                Extensions = { [ProblemResults.CodeExtension] = ProblemResults.ValidationFailedCode },
            };
        }

        // Framework messages about the request itself (a body too large, a wrong media type) explain the refusal and name nothing internal.
        return new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = exception.StatusCode, Detail = exception.Message };
    }

    private Microsoft.AspNetCore.Mvc.ProblemDetails ServerFault(Exception exception, string traceId)
    {
        LogUnexpected(logger, exception, traceId);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred",
            Detail = "Quote the trace id when reporting this.",
        };
        if (options.Value.IncludeExceptionDetails)
        {
            problem.Extensions["exception"] = exception.ToString();
        }

        return problem;
    }

    // Npgsql marks what a retry can overcome as transient: no connection (refused, reset, timed out), the server
    // shutting down or not yet accepting, too many connections. EF Core and handlers may wrap it.
    private static bool IsDatabaseOutage(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private Microsoft.AspNetCore.Mvc.ProblemDetails Unavailable(HttpContext httpContext, Exception exception, string traceId)
    {
        LogDatabaseOutage(logger, exception, traceId);
        httpContext.Response.Headers.RetryAfter = ((int)s_retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is briefly unavailable",
            Detail = "Its database cannot be reached at the moment; nothing was changed. Try again in a few seconds.",
        };
    }

    // A body that is no JSON of the expected shape names its place (JsonException.Path, e.g. $.roles[0]).
    private static string? FieldOf(BadHttpRequestException exception) =>
        exception.InnerException is JsonException { Path: { Length: > 1 } path }
            ? path.TrimStart('$', '.')
            : ParameterName().Match(exception.Message) is { Success: true } match ? match.Groups["name"].Value : null;

    // The framework's own messages name CLR types ("Nullable<bool> reveal"); clients get words of ours.
    private static string FieldMessage(BadHttpRequestException exception) => exception.InnerException switch
    {
        RefusedJsonValueException refused => refused.Message,
        JsonException => "The value does not have the expected type or format.",
        _ when exception.Message.Contains("not provided", StringComparison.Ordinal)
            || exception.Message.Contains("no body was provided", StringComparison.Ordinal) => "A value is required.",
        _ => "The value is not valid.",
    };

    private static async Task<bool> WritePlainAsync(HttpContext httpContext, Microsoft.AspNetCore.Mvc.ProblemDetails problem, CancellationToken cancellationToken)
    {
        // The client accepts no JSON: the status line and the trace id are all it gets.
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync($"{problem.Title ?? "The request failed"} (trace id {Activity.Current?.Id ?? httpContext.TraceIdentifier})", cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database out of reach; the client was given 503 and trace id {TraceId}")]
    private static partial void LogDatabaseOutage(ILogger logger, Exception exception, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception; the client was given trace id {TraceId}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string traceId);
}

/// <summary>
/// In development, ASP.NET Core puts its developer exception page inside every middleware a startup filter can
/// add, so it would answer first, with the stack trace; this filter hands the exception to
/// <see cref="RequestFailureHandler"/> instead.
/// </summary>
internal sealed class RequestFailureDeveloperPageFilter(IEnumerable<IExceptionHandler> handlers) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        foreach (var handler in handlers)
        {
            if (await handler.TryHandleAsync(errorContext.HttpContext, errorContext.Exception, errorContext.HttpContext.RequestAborted))
            {
                return;
            }
        }

        await next(errorContext);
    }
}
