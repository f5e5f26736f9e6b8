using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults;

/// <summary>
/// Problem details (RFC 7807) responses that carry a stable, machine-readable <c>code</c> extension.
/// </summary>
/// <remarks>
/// Clients branch on <c>code</c>; <c>title</c> and <c>detail</c> are for people and may be reworded. The
/// <c>traceId</c> and <c>instance</c> members are added by <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>.
/// </remarks>
public static class ProblemResults
{
    /// <summary>The name of the extension member that holds the stable error code.</summary>
    public const string CodeExtension = "code";

    /// <summary>The code of every 400 that lists problems per field.</summary>
    public const string ValidationCode = "validation_failed";

    /// <summary>The title of every 400 that lists problems per field.</summary>
    public const string ValidationTitle = "The request is not valid";

    /// <summary>Creates a problem details response with a stable <c>code</c>.</summary>
    /// <param name="statusCode">The HTTP status code, for example <see cref="StatusCodes.Status409Conflict"/>.</param>
    /// <param name="code">
    /// The stable code, <c>area.reason</c> in lower snake case, for example <c>residents.duplicate_id_number</c>.
    /// Once published it never changes meaning.
    /// </param>
    /// <param name="title">A short, human-readable summary of the kind of problem.</param>
    /// <param name="detail">An explanation specific to this occurrence, if there is one worth giving.</param>
    /// <returns>A typed result that endpoints can declare in their return type for OpenAPI.</returns>
    public static ProblemHttpResult Problem(int statusCode, string code, string title, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);

        return TypedResults.Problem(
            detail: detail,
            statusCode: statusCode,
            title: title,
            extensions: new Dictionary<string, object?> { [CodeExtension] = code });
    }

    /// <summary>
    /// A <c>400</c> listing what is wrong with each field of the request, with code <c>validation_failed</c>.
    /// </summary>
    /// <param name="errors">Messages per field name (camel case, as the client sent it).</param>
    /// <returns>A typed result that endpoints can declare in their return type for OpenAPI.</returns>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(
            errors,
            title: ValidationTitle,
            extensions: new Dictionary<string, object?> { [CodeExtension] = ValidationCode });
    }
}
