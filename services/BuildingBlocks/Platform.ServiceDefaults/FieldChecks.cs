using System.ComponentModel.DataAnnotations;

namespace Platform.ServiceDefaults;

/// <summary>
/// Lets a request record check its shape with the platform's rule functions ("why is this value wrong, or
/// null", such as <c>TerritoryRules.CodeProblem</c>) from <see cref="IValidatableObject.Validate"/>, so the same
/// rule serves the API, imports and the database and is written once. The framework's request validation
/// (<c>AddValidation</c>) runs it before the handler and answers with the <c>validation_failed</c> problem.
/// </summary>
public static class FieldChecks
{
    /// <summary>A validation result for each check that found a problem.</summary>
    /// <param name="checks">The member checked (<c>nameof</c> the property; the problem names it as the client spells it) and its problem, or null.</param>
    public static IEnumerable<ValidationResult> Problems(params IEnumerable<(string Field, string? Problem)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.Where(check => check.Problem is not null).Select(check => new ValidationResult(check.Problem, [check.Field]));
    }

    /// <summary>
    /// The problems found, per field, for <see cref="ProblemResults.Validation(IDictionary{string, string[]})"/>;
    /// empty when every check passed. For the checks a handler makes because they depend on more than the body
    /// (which fields an action needs).
    /// </summary>
    /// <param name="checks">The field, as the client spells it, and its problem, or null.</param>
    public static Dictionary<string, string[]> ByField(params IEnumerable<(string Field, string? Problem)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return checks.Where(check => check.Problem is not null).ToDictionary(check => check.Field, check => new[] { check.Problem! }, StringComparer.Ordinal);
    }
}
