using System.ComponentModel.DataAnnotations;
using Platform.Districts.Contracts;
using Platform.Districts.Domain;
using Platform.ServiceDefaults;

namespace Platform.Districts.Features.Districts;

/// <summary>Body of <c>POST /api/districts</c>.</summary>
/// <param name="Identifier">Lower-case slug, e.g. <c>chaoyang</c>; unique and permanent.</param>
/// <param name="Name">Display name, e.g. 朝阳区.</param>
/// <param name="City">City, e.g. 北京市.</param>
/// <param name="AdminCode">Six-digit administrative division code, e.g. 110105.</param>
/// <param name="AdminLogin">Login of the district's first administrator.</param>
/// <param name="AdminPassword">Initial password of that administrator (the platform's password policy applies).</param>
/// <param name="AdminName">The administrator's display name; defaults to "{Name}管理员".</param>
/// <param name="Settings">Optional settings: <c>timeZone</c> (IANA, default Asia/Shanghai) and labels such as <c>labels.meeting.council</c>.</param>
public sealed record OnboardDistrictRequest(
    string? Identifier,
    string? Name,
    string? City,
    string? AdminCode,
    string? AdminLogin,
    string? AdminPassword,
    string? AdminName,
    Dictionary<string, string>? Settings) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        [
            (nameof(Identifier), DistrictRules.IdentifierProblem(Identifier)),
            (nameof(Name), DistrictRules.NameProblem(Name)),
            (nameof(City), DistrictRules.NameProblem(City)),
            (nameof(AdminCode), DistrictRules.AdminCodeProblem(AdminCode)),
            (nameof(AdminLogin), string.IsNullOrWhiteSpace(AdminLogin) ? "Required." : null),
            (nameof(AdminPassword), string.IsNullOrEmpty(AdminPassword) ? "Required." : null),
            .. DistrictSettings.Problems(Settings),
        ]);
}

/// <summary>Body of <c>PATCH /api/districts/{identifier}</c>; every member is optional.</summary>
/// <param name="Name">New display name.</param>
/// <param name="City">New city.</param>
/// <param name="Status"><c>active</c> or <c>suspended</c>. Suspending refuses the district's requests everywhere and deletes nothing.</param>
/// <param name="Settings">Settings to set; a null value removes the setting.</param>
public sealed record ChangeDistrictRequest(string? Name, string? City, DistrictStatus? Status, Dictionary<string, string?>? Settings) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        [
            (nameof(Name), Name is null ? null : DistrictRules.NameProblem(Name)),
            (nameof(City), City is null ? null : DistrictRules.NameProblem(City)),
            (nameof(Status), Status is not { } status || Enum.IsDefined(status) ? null : "active or suspended."),
            .. DistrictSettings.Problems(Settings),
        ]);
}

/// <summary>A district.</summary>
public sealed record DistrictResponse(
    Guid Id,
    string Identifier,
    string Name,
    string City,
    string AdminCode,
    DistrictStatus Status,
    IReadOnlyDictionary<string, string> Settings,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The answer to onboarding: the district and its first administrator's account.</summary>
public sealed record OnboardedDistrictResponse(
    Guid Id,
    string Identifier,
    string Name,
    string City,
    string AdminCode,
    DistrictStatus Status,
    IReadOnlyDictionary<string, string> Settings,
    DateTimeOffset CreatedAt,
    Guid AdminUserId,
    string AdminLogin);
