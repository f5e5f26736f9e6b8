using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults;

/// <summary>
/// Makes the problems of the framework's request validation (<c>AddValidation</c> and DataAnnotations attributes on
/// request records and parameters) the same as every other validation problem: code <c>validation_failed</c>, the
/// same title, and fields named as the client spells them.
/// </summary>
/// <remarks>
/// The framework names a field by its C# member (<c>AdminPassword</c>); clients send JSON under the service's naming
/// policy (<c>adminPassword</c>), so the key's first segment, the request's member, is renamed with that policy.
/// </remarks>
internal static class RequestValidationProblems
{
    public static void Conform(HttpValidationProblemDetails problem, HttpContext context)
    {
        problem.Title = ProblemResults.ValidationFailedTitle;
        problem.Extensions[ProblemResults.CodeExtension] = ProblemResults.ValidationFailedCode;

        var renamed = ClientNames(problem.Errors, context);
        problem.Errors.Clear();
        foreach (var (field, messages) in renamed)
        {
            problem.Errors[field] = messages;
        }
    }

    /// <summary>The problems under the names the client sent the fields by (the service's JSON naming policy).</summary>
    public static IDictionary<string, string[]> ClientNames(IDictionary<string, string[]> errors, HttpContext context)
    {
        var policy = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy;
        return policy is null || errors.Count == 0
            ? errors
            : errors.ToDictionary(error => ClientName(error.Key, policy), error => error.Value, StringComparer.Ordinal);
    }

    // Only the request's own member is renamed: what follows it may be a key the client chose (settings.Foo).
    private static string ClientName(string key, JsonNamingPolicy policy)
    {
        var end = key.IndexOfAny(['.', '[']);
        return end < 0 ? policy.ConvertName(key) : policy.ConvertName(key[..end]) + key[end..];
    }
}
