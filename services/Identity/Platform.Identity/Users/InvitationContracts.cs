using System.ComponentModel.DataAnnotations;
using Platform.Identity.Territory;
using Platform.ServiceDefaults;

namespace Platform.Identity.Users;

/// <summary>Body of <c>POST /api/identity/invitations</c>: whom to invite (a login or a phone number) and as what.</summary>
/// <param name="Login">The invitee's login; give this or <paramref name="Phone"/>.</param>
/// <param name="Phone">The invitee's mainland mobile number (11 digits); give this or <paramref name="Login"/>.</param>
/// <param name="Roles">Roles the membership will hold, at or below the caller's own.</param>
/// <param name="ScopeNodeId">Territory node the roles will apply to, inside the caller's scope; null for the whole district.</param>
public sealed record InvitationRequest(string? Login, string? Phone, IReadOnlyList<string>? Roles, Guid? ScopeNodeId)
    : IValidatableObject, ITerritoryGrant
{
    /// <summary>Whether the invitee is addressed by login (otherwise by phone).</summary>
    internal bool ByLogin => !string.IsNullOrWhiteSpace(Login);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Login), ByLogin == !string.IsNullOrWhiteSpace(Phone) ? "Give the invitee's login or phone number, not both."
            : ByLogin ? UserValidation.LoginProblem(Login)
            : null),
        (nameof(Phone), ByLogin ? null : UserValidation.PhoneProblem(Phone)),
        (nameof(Roles), UserValidation.RolesProblem(Roles)));
}

/// <summary>
/// An invitation as the inviting district sees it. The answer is the same whether or not an account with that
/// login or phone exists; only such an account will ever see the invitation.
/// </summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="Login">The invited login, or null.</param>
/// <param name="Phone">The invited phone number, masked, or null.</param>
/// <param name="Roles">Roles offered.</param>
/// <param name="ScopeNodeId">Territory node offered; null for the whole district.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it can no longer be accepted.</param>
public sealed record InvitationResponse(
    Guid Id,
    string? Login,
    string? Phone,
    IReadOnlyList<string> Roles,
    Guid? ScopeNodeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>An open invitation as its addressee sees it.</summary>
/// <param name="Id">The invitation's id, to accept or refuse it.</param>
/// <param name="Tenant">The inviting district's identifier, e.g. <c>chaoyang</c>; the tenant to name when signing in there.</param>
/// <param name="TenantName">The inviting district's name, e.g. 朝阳区.</param>
/// <param name="Roles">Roles offered.</param>
/// <param name="ScopeNodeId">Territory node offered; null for the whole district.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">When it can no longer be accepted.</param>
public sealed record ReceivedInvitationResponse(
    Guid Id,
    string Tenant,
    string TenantName,
    IReadOnlyList<string> Roles,
    Guid? ScopeNodeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>The membership an accepted invitation granted.</summary>
/// <param name="Tenant">The district's identifier; sign in there with <c>tenant</c> set to it.</param>
/// <param name="Roles">Roles held there.</param>
/// <param name="ScopeNodeId">Territory node the roles apply to; null for the whole district.</param>
public sealed record MembershipResponse(string Tenant, IReadOnlyList<string> Roles, Guid? ScopeNodeId);
