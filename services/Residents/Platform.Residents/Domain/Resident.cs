using Platform.Residents.PersonalData;

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
public sealed class Resident
{
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);

    private Resident()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant (district).</summary>
    public Guid TenantId { get; private set; }

    /// <summary>Name, e.g. 张三.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The territory node the resident lives at (building, unit or household).</summary>
    public Guid NodeId { get; private set; }

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

    /// <summary>The phone as lists show it; its last four digits are searchable.</summary>
    public string? PhoneMasked { get; private set; }

    /// <summary>Date of birth, from the ID number.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Hukou or resident-only.</summary>
    public Residence Residence { get; private set; }

    /// <summary>Tags, see <see cref="ResidentTags"/>.</summary>
    public IReadOnlySet<string> Tags => _tags;

    /// <summary>Registers a resident; age tags (elderly, minor) are added from the birth date.</summary>
    /// <exception cref="ArgumentException">A tag is not one of <see cref="ResidentTags.All"/>.</exception>
    public static Resident Register(
        Guid tenantId, string name, ChineseIdNumber idNumber, MobilePhone? phone, Guid nodeId, Residence residence,
        IEnumerable<string> tags, PersonalDataProtector protector, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(idNumber);
        ArgumentNullException.ThrowIfNull(protector);
        var resident = new Resident
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name.Trim(),
            NodeId = nodeId,
            IdNumberProtected = protector.Protect(idNumber.Value),
            IdNumberHash = protector.LookupHash(idNumber.Value),
            IdNumberMasked = idNumber.Masked,
            BirthDate = idNumber.BirthDate,
            Residence = residence,
        };
        resident.ChangePhone(phone, protector);
        resident.Tag(tags.Concat(ResidentTags.FromAge(idNumber.BirthDate, DateOnly.FromDateTime(now.UtcDateTime))));
        return resident;
    }

    /// <summary>Replaces the phone (null removes it).</summary>
    public void ChangePhone(MobilePhone? phone, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        PhoneProtected = phone is null ? null : protector.Protect(phone.Value);
        PhoneHash = phone is null ? null : protector.LookupHash(phone.Value);
        PhoneMasked = phone?.Masked;
    }

    /// <summary>Adds tags; returns whether any was new.</summary>
    /// <exception cref="ArgumentException">A tag is not one of <see cref="ResidentTags.All"/>.</exception>
    public bool Tag(IEnumerable<string> tags)
    {
        var wanted = tags.ToList();
        if (wanted.FirstOrDefault(tag => !ResidentTags.All.Contains(tag)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a resident tag.", nameof(tags));
        }

        return wanted.Aggregate(false, (changed, tag) => _tags.Add(tag) || changed);
    }

    /// <summary>Removes tags; returns whether any was there.</summary>
    public bool Untag(IEnumerable<string> tags) => tags.Aggregate(false, (changed, tag) => _tags.Remove(tag) || changed);

    /// <summary>Moves the resident to another node (household move).</summary>
    public bool MoveTo(Guid nodeId)
    {
        if (NodeId == nodeId)
        {
            return false;
        }

        NodeId = nodeId;
        return true;
    }

    /// <summary>The ID number in clear, for an audited reveal.</summary>
    public string RevealIdNumber(PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return protector.Unprotect(IdNumberProtected);
    }
}
