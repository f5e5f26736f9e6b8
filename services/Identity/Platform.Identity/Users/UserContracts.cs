using System.ComponentModel.DataAnnotations;
using Platform.Identity.Territory;
using Platform.ServiceDefaults;

namespace Platform.Identity.Users;

/// <summary>Body of <c>POST /api/identity/users</c>.</summary>
/// <param name="Login">Login name: 3–64 characters of a–z, 0–9, '.', '_' or '-', starting with a letter or digit.</param>
/// <param name="DisplayName">Name shown to others, e.g. 张三.</param>
/// <param name="Password">Initial password; at least 10 characters with upper and lower case letters, a digit and a symbol.</param>
/// <param name="Phone">Mainland mobile number (11 digits), optional.</param>
/// <param name="Roles">Roles in the caller's district, at or below the caller's own.</param>
/// <param name="ScopeNodeId">Territory node the roles apply to, inside the caller's scope; null for the whole district.</param>
public sealed record CreateUserRequest(
    string? Login,
    string? DisplayName,
    string? Password,
    string? Phone,
    IReadOnlyList<string>? Roles,
    Guid? ScopeNodeId) : IValidatableObject, ITerritoryGrant
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Login), UserValidation.LoginProblem(Login)),
        (nameof(DisplayName), UserValidation.DisplayNameProblem(DisplayName)),
        (nameof(Password), UserValidation.PasswordProblem(Password)),
        (nameof(Phone), UserValidation.PhoneProblem(Phone)),
        (nameof(Roles), UserValidation.RolesProblem(Roles)));
}

/// <summary>Body of <c>POST /api/identity/users/{id}/memberships</c>: the user's roles and scope in the caller's district.</summary>
/// <param name="Roles">Roles, at or below the caller's own.</param>
/// <param name="ScopeNodeId">Territory node, inside the caller's scope; null for the whole district.</param>
public sealed record MembershipRequest(IReadOnlyList<string>? Roles, Guid? ScopeNodeId) : IValidatableObject, ITerritoryGrant
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems((nameof(Roles), UserValidation.RolesProblem(Roles)));
}

/// <summary>A user as seen from one district. The phone number is masked.</summary>
public sealed record UserResponse(
    Guid Id,
    string Login,
    string DisplayName,
    string? Phone,
    string Tenant,
    IReadOnlyList<string> Roles,
    Guid? ScopeNodeId,
    bool LockedOut,
    DateTimeOffset CreatedAt);

/// <summary>The caller as this service sees the request: who, which district (and how it was decided), what roles.</summary>
public sealed record CallerResponse(
    string Subject,
    string? Name,
    Guid? TenantId,
    string? Tenant,
    string? TenantSource,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    string? Territory);
