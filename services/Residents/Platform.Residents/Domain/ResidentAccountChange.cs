using Platform.MultiTenancy.EntityFramework;

namespace Platform.Residents.Domain;

/// <summary>
/// One link or unlink of a platform account to a resident record: which account, by whom and when. Append-only, so
/// who could act as a resident at any time stays answerable.
/// </summary>
public sealed class ResidentAccountChange : ITenantOwned
{
    private ResidentAccountChange()
    {
    }

    /// <summary>Stable id, time-ordered.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The resident record.</summary>
    public Guid ResidentId { get; private set; }

    /// <summary>The platform account linked or unlinked.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>True for a link, false for an unlink.</summary>
    public bool Linked { get; private set; }

    /// <summary>The worker who made the change.</summary>
    public string ByUserId { get; private set; } = "";

    /// <summary>Their name at the time.</summary>
    public string? ByUserName { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Records a link (<paramref name="linked"/> true) or an unlink.</summary>
    public static ResidentAccountChange Record(Guid residentId, string userId, bool linked, string byUserId, string? byUserName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        return new ResidentAccountChange
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            UserId = userId,
            Linked = linked,
            ByUserId = byUserId,
            ByUserName = byUserName,
            At = now,
        };
    }
}
