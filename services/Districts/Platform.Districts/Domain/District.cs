using Platform.Districts.Contracts;

namespace Platform.Districts.Domain;

/// <summary>
/// A district (区): one tenant of the platform. The identifier is the district's permanent slug; suspending a
/// district makes every service refuse its requests while keeping all of its data.
/// </summary>
public sealed class District
{
    /// <summary>The settings key of the district's time zone (IANA id).</summary>
    public const string TimeZoneSetting = "timeZone";

    /// <summary>The time zone of a district that names none: every Chinese district runs on Beijing time.</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    private District()
    {
    }

    /// <summary>The district's tenant id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Lower-case slug such as <c>chaoyang</c>; unique and never changes.</summary>
    public string Identifier { get; private set; } = "";

    /// <summary>Display name such as 朝阳区.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The city, e.g. 北京市.</summary>
    public string City { get; private set; } = "";

    /// <summary>The six-digit administrative division code (行政区划代码), e.g. 110105.</summary>
    public string AdminCode { get; private set; } = "";

    /// <summary>Active or suspended.</summary>
    public DistrictStatus Status { get; private set; }

    /// <summary>Per-district settings: labels for stages and meeting types, the time zone, rule packs.</summary>
    public Dictionary<string, string> Settings { get; private set; } = [];

    /// <summary>When the district was onboarded.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the district last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Onboards a district; the time zone defaults to Beijing time. A fixed <c>id</c> is given only for the
    /// seeded demo district; otherwise a new one is made.
    /// </summary>
    public static District Onboard(
        string identifier, string name, string city, string adminCode, IReadOnlyDictionary<string, string>? settings, DateTimeOffset now, Guid? id = null)
    {
        var district = new District
        {
            Id = id ?? Guid.CreateVersion7(now),
            Identifier = identifier,
            Name = name.Trim(),
            City = city.Trim(),
            AdminCode = adminCode,
            Status = DistrictStatus.Active,
            Settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()),
            CreatedAt = now,
            UpdatedAt = now,
        };
        district.Settings.TryAdd(TimeZoneSetting, DefaultTimeZone);
        return district;
    }

    /// <summary>
    /// Applies a partial change: a null argument leaves that part alone, a setting whose value is null is
    /// removed (the time zone falls back to the default). Returns whether anything changed.
    /// </summary>
    public bool Change(string? name, string? city, DistrictStatus? status, IReadOnlyDictionary<string, string?>? settings, DateTimeOffset now)
    {
        var before = (Name, City, Status, Settings: string.Join('\n', Settings.OrderBy(s => s.Key, StringComparer.Ordinal)));
        Name = name?.Trim() ?? Name;
        City = city?.Trim() ?? City;
        Status = status ?? Status;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                Settings.Remove(key);
            }
            else
            {
                Settings[key] = value;
            }
        }

        Settings.TryAdd(TimeZoneSetting, DefaultTimeZone);
        var after = (Name, City, Status, Settings: string.Join('\n', Settings.OrderBy(s => s.Key, StringComparer.Ordinal)));
        if (before == after)
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    /// <summary>The event that adds this district to every service's tenant catalogue.</summary>
    public DistrictOnboardedIntegrationEvent Onboarded() => new()
    {
        TenantId = Id,
        OccurredAt = UpdatedAt,
        Identifier = Identifier,
        Name = Name,
        Status = Status,
        Settings = new Dictionary<string, string>(Settings),
    };

    /// <summary>This district for a service catching its tenant catalogue up, with the digest of its tree.</summary>
    public DistrictSnapshot Snapshot(string territoryDigest) =>
        new(Id, Identifier, Name, Status, new Dictionary<string, string>(Settings), UpdatedAt, territoryDigest);

    /// <summary>The event that refreshes this district in every service's tenant catalogue.</summary>
    public DistrictStatusChangedIntegrationEvent Changed() => new()
    {
        TenantId = Id,
        OccurredAt = UpdatedAt,
        Identifier = Identifier,
        Name = Name,
        Status = Status,
        Settings = new Dictionary<string, string>(Settings),
    };
}
