using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>The resident API's problems and the shape checks its requests share.</summary>
internal static class ResidentProblems
{
    public static ProblemHttpResult NotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "resident.not_found", "Resident not found", $"No resident {id} in your area.");

    public static ProblemHttpResult HouseholdNotFound(Guid id) =>
        ProblemResults.Problem(StatusCodes.Status404NotFound, "household.not_found", "Household not found", $"No household {id} in your area.");

    public static ValidationProblem Invalid(string field, string problem) =>
        ProblemResults.Validation(new Dictionary<string, string[]> { [field] = [problem] });

    /// <summary>The phone given, or null for none (blank means none); a malformed one is recorded in <paramref name="errors"/>.</summary>
    public static MobilePhone? ParsePhone(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (MobilePhone.TryParse(text, out var phone, out var problem))
        {
            return phone;
        }

        errors["phone"] = [problem];
        return null;
    }

    public static string? TagsProblem(IReadOnlyList<string>? tags) =>
        tags?.FirstOrDefault(t => !ResidentTags.All.Contains(t)) is { } unknown
            ? $"'{unknown}' is not a tag; tags are {string.Join(", ", ResidentTags.All)}."
            : null;

    public static string? ResidenceProblem(Residence? residence) =>
        residence is { } value && !Enum.IsDefined(value) ? "hukou or resident_only." : null;
}
