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

/// <summary>A line of a call's published ranking.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="OrganisationId">The proposing organisation.</param>
/// <param name="Rank">1 for the highest score; null when it had too few reviews to be ranked.</param>
/// <param name="Score">Its panel score (the mean of the reviewers' weighted totals, 0–5), when ranked.</param>
/// <param name="Amount">The amount asked, yuan (exact).</param>
/// <param name="Outcome"><c>awarded</c>, <c>skipped_over_budget</c> or <c>not_scored</c>.</param>
/// <param name="Reason">Why, as the notice says it.</param>
public sealed record AwardLine(Guid ProposalId, Guid OrganisationId, int? Rank, decimal? Score, decimal Amount, string Outcome, string Reason);

/// <summary>A funder published the awards of a call: its ranking with every proposal's outcome and reason (the notice, 公示).</summary>
public sealed record AwardsPublishedIntegrationEvent : IntegrationEvent
{
    /// <summary>The call.</summary>
    public required Guid CallId { get; init; }

    /// <summary>The call's budget, yuan (exact).</summary>
    public required decimal Budget { get; init; }

    /// <summary>The ranking, highest score first, the unranked after.</summary>
    public required IReadOnlyList<AwardLine> Lines { get; init; }
}
