using System.Linq.Expressions;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Identity.Domain;

/// <summary>
/// A district's offer of a membership to whoever holds a login or a phone number. Accounts are platform-wide,
/// but joining a district is the user's own act: the membership exists only once the addressee, signed in,
/// accepts. The address is matched only when the addressee looks, so issuing an invitation says nothing about
/// whether such an account exists.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    private Invitation()
    {
    }

    /// <summary>Row id (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The invited login (normalised), or null when the invitation is addressed to a phone number.</summary>
    public string? Login { get; private set; }

    /// <summary>The invited mobile number, or null when the invitation is addressed to a login.</summary>
    public string? Phone { get; private set; }

    /// <summary>Roles the membership will hold; never empty.</summary>
    public List<string> Roles { get; private set; } = [];

    /// <summary>The territory node the roles will apply to; null means the whole district.</summary>
    public Guid? ScopeNodeId { get; private set; }

    /// <summary>Who issued it, when known.</summary>
    public Guid? InvitedBy { get; private set; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>After this instant it can no longer be accepted.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Whether the addressee has answered, and how.</summary>
    public InvitationStatus Status { get; private set; }

    /// <summary>The user who answered, once answered.</summary>
    public Guid? RespondedBy { get; private set; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>
    /// Issues an invitation to exactly one of <paramref name="login"/> and <paramref name="phone"/>, valid for
    /// <paramref name="lifetime"/>. The caller has checked the inviter's authority to grant the roles and scope.
    /// </summary>
    public static Invitation Issue(
        string? login, string? phone, IReadOnlyCollection<string> roles, Guid? scopeNodeId, Guid? invitedBy, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (string.IsNullOrEmpty(login) == string.IsNullOrEmpty(phone))
        {
            throw new ArgumentException("An invitation is addressed to a login or to a phone number, not both.", nameof(login));
        }

        if (roles.Count == 0)
        {
            throw new ArgumentException("An invitation offers at least one role.", nameof(roles));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "An invitation must be valid for some time.");
        }

        return new Invitation
        {
            Id = Guid.CreateVersion7(now),
            Login = string.IsNullOrEmpty(login) ? null : login,
            Phone = string.IsNullOrEmpty(phone) ? null : phone,
            Roles = [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            ScopeNodeId = scopeNodeId,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Status = InvitationStatus.Pending,
        };
    }

    /// <summary>
    /// Invitations addressed to the account with <paramref name="login"/> and <paramref name="phone"/>, by login or
    /// by phone number (as a query filter).
    /// </summary>
    public static Expression<Func<Invitation, bool>> AddressedTo(string? login, string? phone) =>
        invitation => (invitation.Login != null && invitation.Login == login) || (invitation.Phone != null && invitation.Phone == phone);

    /// <summary>Invitations that can still be answered at <paramref name="now"/> (as a query filter).</summary>
    public static Expression<Func<Invitation, bool>> OpenAt(DateTimeOffset now) =>
        invitation => invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt > now;

    /// <summary>The addressee accepts: returns the membership it grants in this invitation's district.</summary>
    /// <exception cref="DomainException"><see cref="IdentityErrors.InvitationNotPending"/> or <see cref="IdentityErrors.InvitationExpired"/>.</exception>
    public Membership Accept(Guid userId, DateTimeOffset now)
    {
        Answer(InvitationStatus.Accepted, userId, now);
        return Membership.Grant(userId, Roles, ScopeNodeId, now);
    }

    /// <summary>The addressee refuses; nothing is granted.</summary>
    /// <exception cref="DomainException"><see cref="IdentityErrors.InvitationNotPending"/> or <see cref="IdentityErrors.InvitationExpired"/>.</exception>
    public void Refuse(Guid userId, DateTimeOffset now) => Answer(InvitationStatus.Refused, userId, now);

    private void Answer(InvitationStatus answer, Guid userId, DateTimeOffset now)
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new DomainException(IdentityErrors.InvitationNotPending, "The invitation has been answered already.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException(IdentityErrors.InvitationExpired, $"The invitation expired at {ExpiresAt:u}.");
        }

        Status = answer;
        RespondedBy = userId;
        RespondedAt = now;
    }
}

/// <summary>How the addressee has answered an invitation. An unanswered one past its expiry stays pending but closed.</summary>
public enum InvitationStatus
{
    /// <summary>Not answered yet.</summary>
    Pending = 0,

    /// <summary>Accepted: the membership was granted.</summary>
    Accepted = 1,

    /// <summary>Refused: nothing was granted.</summary>
    Refused = 2,
}
