namespace Platform.Portal.Session;

/// <summary>One signed-in user's session as the database keeps it: the ticket encrypted with the shared key ring.</summary>
internal sealed class StoredSession
{
    public const int KeyMaxLength = 128;

    public required string Key { get; set; }

    public required byte[] Ticket { get; set; }

    /// <summary>When the session ends however busy it is; null for never (the cookie's own lifetime still ends it).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
