using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Roll;

/// <summary>
/// One owner of an area as the law counts owners (<see cref="OwnerKey"/>): every unit with the same key belongs to it,
/// and it casts one ballot carrying all their area. A platform user is linked to it after an identity check, to vote
/// online.
/// </summary>
public sealed class AreaOwner : ITenantOwned
{
    private AreaOwner()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>The owner key its units share.</summary>
    public string Key { get; private set; } = "";

    /// <summary>Whether this is the developer's owner (unsold and undelivered units).</summary>
    public bool IsDeveloper => Key == OwnerKey.Developer;

    /// <summary>The platform user who votes online for this owner, once linked.</summary>
    public string? UserId { get; private set; }

    /// <summary>Who linked the user, after checking their identity.</summary>
    public string? LinkedBy { get; private set; }

    /// <summary>When the user was linked.</summary>
    public DateTimeOffset? LinkedAt { get; private set; }

    /// <summary>The owner of the units with <paramref name="key"/> in an area, first seen now.</summary>
    public static AreaOwner For(Guid areaId, string key, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return new AreaOwner { Id = Guid.CreateVersion7(now), AreaId = areaId, Key = key };
    }

    /// <summary>Links the platform user who votes online for this owner (a later link replaces an earlier one).</summary>
    public void LinkUser(string userId, string linkedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
        LinkedBy = linkedBy;
        LinkedAt = now;
    }
}
