namespace Platform.SocialOrgs.Domain;

/// <summary>
/// A platform user (role <c>social-org</c>) who acts for an organisation: they see and manage its profile, and
/// nothing of any organisation they are not a member of.
/// </summary>
public sealed class OrganisationMember
{
    /// <summary>The longest user id.</summary>
    public const int UserIdMaxLength = 100;

    private OrganisationMember()
    {
    }

    internal OrganisationMember(string userId, string addedBy, DateTimeOffset addedAt)
    {
        UserId = userId;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    /// <summary>The user's id (the token's subject).</summary>
    public string UserId { get; private set; } = "";

    /// <summary>Who added them.</summary>
    public string AddedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset AddedAt { get; private set; }
}
