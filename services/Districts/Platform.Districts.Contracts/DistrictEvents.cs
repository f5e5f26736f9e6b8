using Platform.Contracts;

namespace Platform.Districts.Contracts;

/// <summary>Lifecycle status of a district (tenant).</summary>
public enum DistrictStatus
{
    /// <summary>The district uses the platform normally.</summary>
    Active = 0,

    /// <summary>Every service refuses the district's requests; nothing is deleted.</summary>
    Suspended = 1,
}

/// <summary>
/// A district was onboarded. Every service adds it to its own tenant catalogue on receipt; the event's
/// <see cref="IIntegrationEvent.TenantId"/> is the new district's id.
/// </summary>
public sealed record DistrictOnboardedIntegrationEvent : IntegrationEvent
{
    /// <summary>URL-safe slug such as <c>chaoyang</c>; unique and immutable.</summary>
    public required string Identifier { get; init; }

    /// <summary>Display name such as 朝阳区.</summary>
    public required string Name { get; init; }

    /// <summary>Status at onboarding (normally <see cref="DistrictStatus.Active"/>).</summary>
    public DistrictStatus Status { get; init; } = DistrictStatus.Active;

    /// <summary>Per-district settings (labels, time zone, rule packs) as string key/value pairs.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>A district's status or settings changed; services refresh their tenant catalogue entry.</summary>
public sealed record DistrictStatusChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The district's slug.</summary>
    public required string Identifier { get; init; }

    /// <summary>The district's name (it may have been corrected together with the status).</summary>
    public required string Name { get; init; }

    /// <summary>The new status.</summary>
    public required DistrictStatus Status { get; init; }

    /// <summary>The complete, current settings.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The demonstration district seeded in development. Its id is fixed so that every service seeds and
/// recognises the same tenant, and the Districts service's onboarding event later takes it over.
/// </summary>
public static class DemoDistrict
{
    /// <summary>The demo district's tenant id.</summary>
    public static Guid Id { get; } = new("00000000-0000-0000-0000-00000000de70");

    /// <summary>The demo district's identifier.</summary>
    public const string Identifier = "demo";

    /// <summary>The demo district's name.</summary>
    public const string Name = "演示区";
}
