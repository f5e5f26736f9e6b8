namespace Platform.Identity.Domain;

/// <summary>
/// One security-relevant event: a login (successful or not), a user created, a membership changed, an invitation
/// sent or answered, a client registered or revoked. Append-only. Never holds a password or secret.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>Row id (time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The district it happened in, when known (a failed login may name no valid district).</summary>
    public Guid? TenantId { get; private set; }

    /// <summary>Who did it (user id), when known.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What happened, one of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What it happened to: a user id, a login name, a client id.</summary>
    public string? Subject { get; private set; }

    /// <summary>Free-form detail for people, such as the roles granted or why a login failed.</summary>
    public string? Detail { get; private set; }

    /// <summary>Records an event.</summary>
    public static AuditEntry Record(DateTimeOffset at, string action, Guid? tenantId, Guid? actorId, string? subject, string? detail) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        Action = action,
        TenantId = tenantId,
        ActorId = actorId,
        Subject = subject,
        Detail = detail,
    };
}

/// <summary>The audit actions identity records.</summary>
public static class AuditActions
{
    /// <summary>A token was issued to a user after a password or interactive login.</summary>
    public const string LoginSucceeded = "login_succeeded";

    /// <summary>A login was refused (wrong password, locked out, no membership, unknown login).</summary>
    public const string LoginFailed = "login_failed";

    /// <summary>A user account was created.</summary>
    public const string UserCreated = "user_created";

    /// <summary>A membership was granted or its roles / scope changed.</summary>
    public const string MembershipChanged = "membership_changed";

    /// <summary>A district invited a login or phone number to join it.</summary>
    public const string InvitationSent = "invitation_sent";

    /// <summary>The invited user accepted and became a member.</summary>
    public const string InvitationAccepted = "invitation_accepted";

    /// <summary>The invited user refused.</summary>
    public const string InvitationRefused = "invitation_refused";

    /// <summary>A machine client was registered.</summary>
    public const string ClientRegistered = "client_registered";

    /// <summary>A machine client was revoked.</summary>
    public const string ClientRevoked = "client_revoked";
}
