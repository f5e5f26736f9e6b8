using Platform.Contracts;

namespace Platform.Property.Contracts;

/// <summary>
/// An area's owners' committee (业委会) or interim committee (物管会) took a step of its lifecycle: formed, roll verified,
/// rules drafted, candidates nominated, election drawn up, elected, filed (active), or ended. Street dashboards follow
/// the formation of committees from it.
/// </summary>
public sealed record PropertyCommitteeChangedIntegrationEvent : IntegrationEvent
{
    /// <summary>The committee.</summary>
    public required Guid CommitteeId { get; init; }

    /// <summary>The property management area it governs.</summary>
    public required Guid AreaId { get; init; }

    /// <summary><c>owners_committee</c> or <c>interim_committee</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The stage reached: <c>preparing</c>, <c>roll_verified</c>, <c>rules_drafted</c>, <c>candidates_nominated</c>,
    /// <c>electing</c>, <c>elected</c>, <c>active</c> or <c>ended</c>.
    /// </summary>
    public required string Stage { get; init; }

    /// <summary>Why it ended (<c>term_ended</c>, <c>recalled</c>, <c>dissolved</c>, <c>election_failed</c>), once it has.</summary>
    public string? Ending { get; init; }

    /// <summary>When its term ends, once active.</summary>
    public DateTimeOffset? TermEndsAt { get; init; }
}
