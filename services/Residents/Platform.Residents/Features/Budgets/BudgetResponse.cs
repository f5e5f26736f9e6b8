using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Features.Budgets;

/// <summary>What a ballot may choose.</summary>
/// <param name="Kind"><c>approval</c> (pick up to <c>maxChoices</c>) or <c>knapsack</c> (picks fit the amount).</param>
/// <param name="MaxChoices">At most this many projects; null for no limit.</param>
/// <param name="MinSpendShare">Knapsack: the picks cost at least this share (0 to 1) of the amount.</param>
public sealed record BallotRules(BallotKind? Kind, int? MaxChoices = null, decimal? MinSpendShare = null);

/// <summary>A project on a budget's list.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Title">Its title.</param>
/// <param name="Cost">Its cost in yuan, two decimal places.</param>
public sealed record BudgetProjectResponse(string Code, string Title, string Cost)
{
    public static BudgetProjectResponse From(BudgetProjectEntry project) => new(project.Code, project.Title, Budget.FormatMoney(project.Cost));
}

/// <summary>A participatory budget. Money is a decimal string with two places.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Fund"><c>community_public_welfare</c>, <c>party_service</c> or <c>other</c>.</param>
/// <param name="Amount">The money to spend.</param>
/// <param name="NodeId">The eligible area.</param>
/// <param name="Rule"><c>greedy</c> or <c>equal_shares</c>.</param>
/// <param name="Ballot">What a ballot may choose.</param>
/// <param name="MinVotes">A project with fewer votes is never selected.</param>
/// <param name="MinAge">Residents vote from this age.</param>
/// <param name="Status"><c>draft</c>, <c>open</c> or <c>closed</c>.</param>
/// <param name="Projects">The project list.</param>
/// <param name="CreatedAt">When it was set up.</param>
/// <param name="OpenedAt">When the vote opened.</param>
/// <param name="ClosedAt">When the vote closed.</param>
public sealed record BudgetResponse(
    Guid Id, string Title, BudgetFund Fund, string Amount, Guid NodeId, BudgetRule Rule, BallotRules Ballot, int MinVotes, int MinAge, BudgetStatus Status,
    IReadOnlyList<BudgetProjectResponse> Projects, DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt)
{
    public static BudgetResponse From(Budget budget) => new(
        budget.Id, budget.Title, budget.Fund, Budget.FormatMoney(budget.Amount), budget.NodeId, budget.Rule,
        new BallotRules(budget.BallotKind, budget.MaxChoices, budget.MinSpendShare), budget.MinVotes, budget.MinAge, budget.Status,
        [.. budget.Projects.Select(BudgetProjectResponse.From)], budget.CreatedAt, budget.OpenedAt, budget.ClosedAt);
}

/// <summary>One project's line in a budget's result.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Title">Its title.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Votes">The ballots that chose it.</param>
/// <param name="Selected">Whether it is funded.</param>
/// <param name="Reason"><c>not_enough_votes</c> or <c>did_not_fit</c>; null when selected.</param>
public sealed record BudgetProjectResult(string Code, string Title, string Cost, int Votes, bool Selected, NotSelectedReason? Reason);

/// <summary>A closed budget's result.</summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="Amount">The money to spend.</param>
/// <param name="Spent">The cost of the selected projects.</param>
/// <param name="Ballots">The ballots counted.</param>
/// <param name="Selected">The selected codes, in the order they were selected.</param>
/// <param name="Projects">Every project, in list order.</param>
public sealed record BudgetResultResponse(
    BudgetRule Rule, string Amount, string Spent, int Ballots, IReadOnlyList<string> Selected, IReadOnlyList<BudgetProjectResult> Projects)
{
    public static BudgetResultResponse From(Budget budget) => new(
        budget.Rule, Budget.FormatMoney(budget.Amount), Budget.FormatMoney(budget.Spent ?? 0), budget.BallotsCounted ?? 0, budget.Selected,
        [.. budget.Projects.Select(p => new BudgetProjectResult(p.Code, p.Title, Budget.FormatMoney(p.Cost), p.Votes ?? 0, p.SelectionOrder is not null, p.Reason))]);
}
