namespace Platform.ServiceDefaults;

/// <summary>Collects per-field problems for <see cref="ProblemResults.Validation(IDictionary{string, string[]})"/>.</summary>
internal static class ValidationErrors
{
    /// <summary>
    /// Records <paramref name="problem"/> for <paramref name="field"/> unless it is null, so that validation rules
    /// written as "why is this value wrong, or null" read as one line per field.
    /// </summary>
    public static void AddIf(this IDictionary<string, string[]> errors, string field, string? problem)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }
}
