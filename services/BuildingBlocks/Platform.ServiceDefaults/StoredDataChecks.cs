using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Platform.ServiceDefaults;

/// <summary>
/// A check of a request against what the service has stored, which the request record cannot make on its own
/// (does the territory node it names exist in this district?). It runs with the record's own shape checks so
/// that the client learns every problem of the request in one answer.
/// </summary>
/// <typeparam name="TRequest">The request, or an interface several requests share.</typeparam>
public interface IStoredDataCheck<in TRequest>
{
    /// <summary>The problems found, each for the request member (<c>nameof</c> the property) it concerns.</summary>
    /// <param name="request">The request as bound.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    IAsyncEnumerable<(string Field, string Problem)> ProblemsAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>Adds an <see cref="IStoredDataCheck{TRequest}"/> to an endpoint's request validation.</summary>
public static class StoredDataChecks
{
    /// <summary>
    /// Validates the endpoint's <typeparamref name="TRequest"/> with its shape checks (DataAnnotations and
    /// <see cref="IValidatableObject"/>, as <c>AddValidation</c> would) and then with <typeparamref name="TCheck"/>,
    /// answering both in one <c>validation_failed</c> problem; where a field has both, its shape problem is the one told.
    /// </summary>
    /// <typeparam name="TRequest">The body the endpoint binds.</typeparam>
    /// <typeparam name="TCheck">The check, created per request from the request's services.</typeparam>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The endpoint, for chaining.</returns>
    public static RouteHandlerBuilder ValidateWithStoredData<TRequest, TCheck>(this RouteHandlerBuilder endpoint)
        where TRequest : class
        where TCheck : IStoredDataCheck<TRequest>
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        // The framework's own validation filter would answer the shape problems alone, before the lookups ran.
        return endpoint.DisableValidation().AddEndpointFilter(async (context, next) =>
        {
            if (context.Arguments.OfType<TRequest>().FirstOrDefault() is not { } request)
            {
                return await next(context);
            }

            var http = context.HttpContext;
            var errors = await ShapeProblemsAsync(request, http);
            var check = ActivatorUtilities.GetServiceOrCreateInstance<TCheck>(http.RequestServices);
            await foreach (var (field, problem) in check.ProblemsAsync(request, http.RequestAborted))
            {
                errors.TryAdd(field, [problem]);
            }

            return errors.Count == 0
                ? await next(context)
                : ProblemResults.Validation(RequestValidationProblems.ClientNames(errors, http));
        });
    }

    // The validator types are marked experimental (ASP0029) in .NET 10; they are what AddValidation's own filter
    // runs, so a change to them would reach both places alike.
#pragma warning disable ASP0029
    private static async Task<Dictionary<string, string[]>> ShapeProblemsAsync(object request, HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!options.TryGetValidatableTypeInfo(request.GetType(), out var shape))
        {
            return [];
        }

        var validation = new ValidateContext
        {
            ValidationOptions = options,
            ValidationContext = new ValidationContext(request, http.RequestServices, items: null),
        };
        await shape.ValidateAsync(request, validation, http.RequestAborted);
        return validation.ValidationErrors is { } found ? new Dictionary<string, string[]>(found) : [];
    }
#pragma warning restore ASP0029
}
