using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.PersonalData;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain;

/// <summary>How a resident is registered where they live.</summary>
public enum Residence
{
    /// <summary>户籍: registered household (hukou) here.</summary>
    Hukou,

    /// <summary>流动人口: lives here without hukou.</summary>
    ResidentOnly,
}

/// <summary>
/// One resident in the master record (one record reused by every service, DOMAIN.md §2). The ID number and phone
/// are never held in clear: each is stored encrypted (for the rare audited reveal), as a keyed hash (to find a
/// resident by exact value) and masked (for lists).
/// </summary>
public sealed class Resident : ITenantOwned, ITerritoryPlaced
{
    // Kept sorted and distinct, so the stored array and every event list the tags the same way.
    private List<string> _tags = [];

    private Resident()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 张三.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The territory node the resident lives at (a building or a unit).</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The node's materialised path, so a scope (a street, a community) is one index range.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>The household (户) at that node, when known.</summary>
    public Guid? HouseholdId { get; private set; }

    /// <summary>The ID number, encrypted.</summary>
    public string IdNumberProtected { get; private set; } = "";

    /// <summary>The ID number's lookup hash, unique in a district.</summary>
    public string IdNumberHash { get; private set; } = "";

    /// <summary>The ID number as lists show it.</summary>
    public string IdNumberMasked { get; private set; } = "";

    /// <summary>The phone, encrypted; null when none was given.</summary>
    public string? PhoneProtected { get; private set; }

    /// <summary>The phone's lookup hash.</summary>
    public string? PhoneHash { get; private set; }

    /// <summary>The phone as lists show it.</summary>
    public string? PhoneMasked { get; private set; }

    /// <summary>The phone's last four digits (already visible in the masked form), for search.</summary>
    public string? PhoneTail { get; private set; }

    /// <summary>Date of birth, from the ID number.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Hukou or resident-only.</summary>
    public Residence Residence { get; private set; }

    /// <summary>A Communist Party member (党员), whom the party-building service's dual reporting concerns.</summary>
    public bool IsPartyMember { get; private set; }

    /// <summary>An owner (业主) of a home in a compound, with a vote in the owners' assembly.</summary>
    public bool IsOwner { get; private set; }

    /// <summary>A registered volunteer (志愿者) of the time bank.</summary>
    public bool IsVolunteer { get; private set; }

    /// <summary>Tags, see <see cref="ResidentTags"/>, in ordinal order.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>
    /// The platform account (a user with the resident role) that acts as this resident online, linked by a worker after
    /// checking the person's identity face to face; null when none is linked.
    /// </summary>
    public string? AccountUserId { get; private set; }

    /// <summary>When the resident was registered.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Registers a resident; age tags (elderly, minor) are added from the birth date.</summary>
    /// <exception cref="ArgumentException">A tag is not one of <see cref="ResidentTags.All"/>.</exception>
    public static Resident Register(
        Guid tenantId, string name, ChineseIdNumber idNumber, MobilePhone? phone, ResidentPlace place, Residence residence,
        IEnumerable<string> tags, PersonalDataProtector protector, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(protector);
        var resident = new Resident
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name.Trim(),
            NodeId = place.NodeId,
            NodePath = place.NodePath,
            HouseholdId = place.HouseholdId,
            IdNumberProtected = protector.Protect(idNumber.Value),
            IdNumberHash = protector.LookupHash(idNumber.Value),
            IdNumberMasked = idNumber.Masked,
            BirthDate = idNumber.BirthDate,
            Residence = residence,
            RegisteredAt = now,
            UpdatedAt = now,
        };
        resident.ChangePhone(phone, protector);
        resident.Tag(tags.Concat(ResidentTags.FromAge(idNumber.BirthDate, DistrictClock.Today(now))));
        return resident;
    }

    /// <summary>Replaces the phone (null removes it).</summary>
    public void ChangePhone(MobilePhone? phone, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        PhoneProtected = phone is null ? null : protector.Protect(phone.Value);
        PhoneHash = phone is null ? null : protector.LookupHash(phone.Value);
        PhoneMasked = phone?.Masked;
        PhoneTail = phone?.Tail;
    }

    /// <summary>Corrects the name.</summary>
    public bool Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed == Name)
        {
            return false;
        }

        Name = trimmed;
        return true;
    }

    /// <summary>Changes how the resident is registered here.</summary>
    public bool ChangeResidence(Residence residence)
    {
        var changed = Residence != residence;
        Residence = residence;
        return changed;
    }

    /// <summary>Sets the party-member, owner and volunteer flags given (null keeps one); returns whether any changed.</summary>
    public bool ChangeFlags(bool? partyMember, bool? owner, bool? volunteer)
    {
        var before = (IsPartyMember, IsOwner, IsVolunteer);
        IsPartyMember = partyMember ?? IsPartyMember;
        IsOwner = owner ?? IsOwner;
        IsVolunteer = volunteer ?? IsVolunteer;
        return before != (IsPartyMember, IsOwner, IsVolunteer);
    }

    /// <summary>Records that the record changed at <paramref name="now"/>.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Adds tags; returns whether any was new.</summary>
    /// <exception cref="ArgumentException">A tag is not one of <see cref="ResidentTags.All"/>.</exception>
    public bool Tag(IEnumerable<string> tags)
    {
        var wanted = tags.ToList();
        if (wanted.FirstOrDefault(tag => !ResidentTags.All.Contains(tag)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a resident tag.", nameof(tags));
        }

        return ReplaceTags(_tags.Union(wanted, StringComparer.Ordinal));
    }

    /// <summary>Removes tags; returns whether any was there.</summary>
    public bool Untag(IEnumerable<string> tags) => ReplaceTags(_tags.Except(tags, StringComparer.Ordinal));

    /// <summary>Moves the resident to another place (a household move); returns whether anything changed.</summary>
    public bool MoveTo(ResidentPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (NodeId == place.NodeId && HouseholdId == place.HouseholdId)
        {
            return false;
        }

        NodeId = place.NodeId;
        NodePath = place.NodePath;
        HouseholdId = place.HouseholdId;
        return true;
    }

    /// <summary>Links the platform account <paramref name="userId"/>; returns false when it is linked already.</summary>
    /// <exception cref="DomainException">Another account is linked to this resident.</exception>
    public bool LinkAccount(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (AccountUserId == userId)
        {
            return false;
        }

        if (AccountUserId is not null)
        {
            throw new DomainException(ResidentErrors.AccountLinkedElsewhere, "Another account is linked to this resident; unlink it first.", "userId");
        }

        AccountUserId = userId;
        return true;
    }

    /// <summary>Removes the link to the platform account; returns the account that was linked.</summary>
    /// <exception cref="DomainException">No account is linked.</exception>
    public string UnlinkAccount()
    {
        var userId = AccountUserId ?? throw new DomainException(ResidentErrors.AccountNotLinked, "No account is linked to this resident.");
        AccountUserId = null;
        return userId;
    }

    /// <summary>The ID number in clear, for an audited reveal.</summary>
    public string RevealIdNumber(PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return protector.Unprotect(IdNumberProtected);
    }

    /// <summary>The phone in clear, for an audited reveal; null when none is recorded.</summary>
    public string? RevealPhone(PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return PhoneProtected is null ? null : protector.Unprotect(PhoneProtected);
    }

    private bool ReplaceTags(IEnumerable<string> tags)
    {
        var next = tags.Order(StringComparer.Ordinal).ToList();
        if (next.SequenceEqual(_tags, StringComparer.Ordinal))
        {
            return false;
        }

        _tags = next;
        return true;
    }
}

/// <summary>Where a resident lives: a building or unit of the territory tree and, optionally, a household there.</summary>
/// <param name="NodeId">The building or unit.</param>
/// <param name="NodePath">Its materialised path.</param>
/// <param name="HouseholdId">The household at that node, if known.</param>
public sealed record ResidentPlace(Guid NodeId, string NodePath, Guid? HouseholdId);
