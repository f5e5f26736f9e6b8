using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.ServiceDefaults;

namespace Platform.Residents.Features.Budgets;

/// <summary>A closed budget's result, computed at close.</summary>
internal static class GetBudgetResult
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapGet("{id:guid}/result", HandleAsync).WithSummary(
            "The result once the budget is closed: selected codes in the order they were selected, money spent, and each project's votes and "
            + "reason (not_enough_votes, did_not_fit) when not selected; 409 budget.not_closed before.");

    private static async Task<Results<Ok<BudgetResultResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        if (await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is not { } budget)
        {
            return BudgetAccess.NotFound(id);
        }

        return budget.Status == BudgetStatus.Closed
            ? TypedResults.Ok(BudgetResultResponse.From(budget))
            : new DomainException(BudgetErrors.NotClosed, "The result is computed when the vote closes.").ToProblem();
    }
}
