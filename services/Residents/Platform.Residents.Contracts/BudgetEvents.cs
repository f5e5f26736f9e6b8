using Platform.Contracts;

namespace Platform.Residents.Contracts;

/// <summary>
/// A participatory budget (参与式预算) was closed and its result published, with the full tally. Social organisations
/// pick up the selected projects. No personal data: ballots are counted, never listed. Money is in yuan.
/// </summary>
public sealed record BudgetResultPublishedIntegrationEvent : IntegrationEvent
{
    /// <summary>The budget.</summary>
    public required Guid BudgetId { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary><c>community_public_welfare</c>, <c>party_service</c> or <c>other</c>.</summary>
    public required string Fund { get; init; }

    /// <summary>The eligible area (a territory node).</summary>
    public required Guid NodeId { get; init; }

    /// <summary><c>greedy</c> or <c>equal_shares</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The money to spend.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The cost of the selected projects.</summary>
    public required decimal Spent { get; init; }

    /// <summary>How many ballots were counted.</summary>
    public required int Ballots { get; init; }

    /// <summary>The selected project codes in the order they were selected.</summary>
    public required IReadOnlyList<string> Selected { get; init; }

    /// <summary>Every project with its votes and outcome.</summary>
    public required IReadOnlyList<BudgetProjectTally> Projects { get; init; }
}

/// <summary>One project's line in a published budget result.</summary>
/// <param name="Code">The project's code in the budget.</param>
/// <param name="Title">Its title.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Votes">The ballots that chose it.</param>
/// <param name="Selected">Whether it is funded.</param>
/// <param name="Reason">Why not: <c>not_enough_votes</c> or <c>did_not_fit</c>; null when selected.</param>
public sealed record BudgetProjectTally(string Code, string Title, decimal Cost, int Votes, bool Selected, string? Reason);
