using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.PersonalData;
using Platform.Residents.Domain;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Residents;

/// <summary>The resident API's refusals of things not found, and the shape checks its requests share.</summary>
internal static class ResidentProblems
{
    public static ProblemHttpResult NotFound(Guid id) => new DomainException(ResidentErrors.NotFound, $"No resident {id} in your area.").ToProblem();

    public static ProblemHttpResult HouseholdNotFound(Guid id) =>
        new DomainException(ResidentErrors.HouseholdNotFound, $"No household {id} in your area.").ToProblem();

    /// <summary>Why a phone given is not a mobile number, or null (blank means none).</summary>
    public static string? PhoneProblem(string? text) =>
        string.IsNullOrWhiteSpace(text) || MobilePhone.TryParse(text, out _, out var problem) ? null : problem;

    /// <summary>The phone of a request that its validation has accepted; null for none.</summary>
    public static MobilePhone? PhoneOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : MobilePhone.TryParse(text, out var phone, out var problem) ? phone
        : throw new InvalidOperationException($"The request's validation let a malformed phone through: {problem}");

    public static string? TagsProblem(IReadOnlyList<string>? tags) =>
        tags?.FirstOrDefault(t => !ResidentTags.All.Contains(t)) is { } unknown
            ? $"'{unknown}' is not a tag; tags are {string.Join(", ", ResidentTags.All)}."
            : null;
}
