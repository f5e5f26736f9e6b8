using Platform.Contracts;

namespace Platform.Residents.Contracts;

/// <summary>
/// A resident was added to the master record. Events about residents carry ids and keyed hashes only, never
/// a clear ID number, phone or name: a service that needs to recognise a person compares hashes.
/// </summary>
public sealed record ResidentRegisteredIntegrationEvent : IntegrationEvent
{
    /// <summary>The resident's stable id.</summary>
    public required Guid ResidentId { get; init; }

    /// <summary>The territory node (building or unit) the resident lives at.</summary>
    public required Guid NodeId { get; init; }

    /// <summary>The household, when the resident belongs to one.</summary>
    public Guid? HouseholdId { get; init; }

    /// <summary>The keyed hash of the ID number (HMAC-SHA256, Base64), for exact-match recognition.</summary>
    public required string IdNumberHash { get; init; }

    /// <summary>The resident's tags (e.g. <c>elderly</c>, <c>low-income</c>).</summary>
    public required IReadOnlyList<string> Tags { get; init; }
}

/// <summary>A resident moved to another node or household.</summary>
public sealed record ResidentMovedIntegrationEvent : IntegrationEvent
{
    /// <summary>The resident.</summary>
    public required Guid ResidentId { get; init; }

    /// <summary>The node the resident lived at before.</summary>
    public required Guid FromNodeId { get; init; }

    /// <summary>The node the resident lives at now.</summary>
    public required Guid ToNodeId { get; init; }

    /// <summary>The household the resident belongs to now, if any.</summary>
    public Guid? HouseholdId { get; init; }
}

/// <summary>A resident's tags changed; carries the complete current set.</summary>
public sealed record ResidentTagsChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The resident.</summary>
    public required Guid ResidentId { get; init; }

    /// <summary>All tags the resident has now.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
}
