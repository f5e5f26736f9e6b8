using Platform.Contracts;

namespace Platform.SocialOrgs.Contracts;

/// <summary>A funder opened a venture-philanthropy call (公益创投) or a purchase of services (政府购买服务).</summary>
public sealed record FundingCallOpenedIntegrationEvent : IntegrationEvent
{
    /// <summary>The call.</summary>
    public required Guid CallId { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>The funder's name.</summary>
    public required string FunderName { get; init; }

    /// <summary>The budget, yuan (exact).</summary>
    public required decimal Budget { get; init; }

    /// <summary>The categories it funds, by wire name (<c>elderly</c>, <c>children</c>, …).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>When the window opens.</summary>
    public required DateTimeOffset OpensAt { get; init; }

    /// <summary>When the window closes.</summary>
    public required DateTimeOffset ClosesAt { get; init; }
}

/// <summary>An organisation submitted a proposal to a funding call; it no longer changes.</summary>
public sealed record ProposalSubmittedIntegrationEvent : IntegrationEvent
{
    /// <summary>The proposal.</summary>
    public required Guid ProposalId { get; init; }

    /// <summary>The call.</summary>
    public required Guid CallId { get; init; }

    /// <summary>The proposing organisation.</summary>
    public required Guid OrganisationId { get; init; }

    /// <summary>The amount asked, yuan (exact).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The residents' demands it answers.</summary>
    public required IReadOnlyList<Guid> DemandIds { get; init; }

    /// <summary>The deliberation topics it answers.</summary>
    public required IReadOnlyList<Guid> TopicIds { get; init; }
}
