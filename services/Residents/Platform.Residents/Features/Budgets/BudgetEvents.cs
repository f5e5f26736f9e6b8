using Platform.Domain;
using Platform.Residents.Contracts;
using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Features.Budgets;

/// <summary>The integration events about budgets; tallies only, never who voted.</summary>
internal static class BudgetEvents
{
    public static BudgetResultPublishedIntegrationEvent ResultPublished(Budget budget, DateTimeOffset now) => new()
    {
        TenantId = budget.TenantId,
        OccurredAt = now,
        BudgetId = budget.Id,
        Title = budget.Title,
        Fund = budget.Fund.ToWire(),
        NodeId = budget.NodeId,
        Rule = budget.Rule.ToWire(),
        Amount = budget.Amount,
        Spent = budget.Spent ?? 0,
        Ballots = budget.BallotsCounted ?? 0,
        Selected = budget.Selected,
        Projects = [.. budget.Projects.Select(p => new BudgetProjectTally(p.Code, p.Title, p.Cost, p.Votes ?? 0, p.SelectionOrder is not null, p.Reason?.ToWire()))],
    };
}
