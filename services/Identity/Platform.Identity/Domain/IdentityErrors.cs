using Platform.Domain;

namespace Platform.Identity.Domain;

/// <summary>Identity's domain errors, each code with the kind of answer it calls for.</summary>
public static class IdentityErrors
{
    /// <summary>404: no such member of the caller's district (a user of another district is not told apart).</summary>
    public static readonly DomainError UserNotFound = DomainError.NotFound("identity.user_not_found");

    /// <summary>409: another account has the login (logins are platform-wide).</summary>
    public static readonly DomainError LoginTaken = DomainError.Conflict("identity.login_taken");

    /// <summary>403: a role above the granter's own.</summary>
    public static readonly DomainError RoleAboveGranter = DomainError.Forbidden("identity.role_above_granter");

    /// <summary>403: a territory scope outside the granter's own.</summary>
    public static readonly DomainError ScopeOutsideGranter = DomainError.Forbidden("identity.scope_outside_granter");

    /// <summary>404: no such machine client in the caller's district.</summary>
    public static readonly DomainError ClientNotFound = DomainError.NotFound("identity.client_not_found");

    /// <summary>404: no such invitation addressed to the caller.</summary>
    public static readonly DomainError InvitationNotFound = DomainError.NotFound("identity.invitation_not_found");

    /// <summary>409: the invitation has been accepted or refused already.</summary>
    public static readonly DomainError InvitationNotPending = DomainError.Conflict("identity.invitation_not_pending");

    /// <summary>409: the invitation is past its expiry.</summary>
    public static readonly DomainError InvitationExpired = DomainError.Conflict("identity.invitation_expired");

    /// <summary>409: the invitee is a member of the inviting district already.</summary>
    public static readonly DomainError AlreadyMember = DomainError.Conflict("identity.already_member");
}
