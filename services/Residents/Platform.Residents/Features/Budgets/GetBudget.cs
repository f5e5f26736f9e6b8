using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Residents.Data;

namespace Platform.Residents.Features.Budgets;

/// <summary>One budget with its project list.</summary>
internal static class GetBudget
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapGet("{id:guid}", HandleAsync).WithSummary("One budget with its projects and ballot rules.");

    private static async Task<Results<Ok<BudgetResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is { } budget ? TypedResults.Ok(BudgetResponse.From(budget)) : BudgetAccess.NotFound(id);
}
