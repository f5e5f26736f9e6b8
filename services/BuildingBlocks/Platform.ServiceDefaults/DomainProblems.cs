using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Domain;

namespace Platform.ServiceDefaults;

/// <summary>
/// The one translation of a <see cref="DomainException"/> into problem details: the status follows the error's
/// kind, <c>code</c> is the error's code, <c>detail</c> its message, its facts become extension members, and an
/// invalid value the domain traced to a request field is also listed under <c>errors</c> like a validation problem.
/// </summary>
/// <remarks>
/// Endpoints need not call it: <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/> installs an
/// exception handler that answers every domain exception a handler lets through with this problem. Call
/// <see cref="ToProblem"/> only where a refusal is an expected result declared in the endpoint's return type.
/// </remarks>
public static class DomainProblems
{
    /// <summary>The HTTP status for a kind of domain error.</summary>
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of domain error."),
    };

    /// <summary>The problem details for <paramref name="exception"/>.</summary>
    public static ProblemDetails ToProblemDetails(this DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problem = exception is { Kind: DomainErrorKind.Invalid, Field: { } field }
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] })
            : new ProblemDetails();
        problem.Status = StatusOf(exception.Kind);
        problem.Title = TitleOf(exception.Kind);
        problem.Detail = exception.Message;
        problem.Extensions[ProblemResults.CodeExtension] = exception.Code;
        foreach (var (name, value) in exception.Facts)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>The problem for <paramref name="exception"/> as a typed result.</summary>
    public static ProblemHttpResult ToProblem(this DomainException exception) => TypedResults.Problem(exception.ToProblemDetails());

    private static string TitleOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => "Invalid request",
        DomainErrorKind.Conflict => "Not possible now",
        DomainErrorKind.NotFound => "Not found",
        _ => "Not allowed",
    };
}
