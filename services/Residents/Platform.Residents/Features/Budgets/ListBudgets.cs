using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Residents.Features.Budgets;

/// <summary>The budgets the caller can see, newest first, paged.</summary>
internal static class ListBudgets
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapGet("", HandleAsync).WithSummary("The budgets you can see, newest first; status filters draft, open or closed.");

    private static async Task<Ok<PagedResult<BudgetResponse>>> HandleAsync(
        BudgetStatus? status, int? page, int? pageSize, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var budgets = (await BudgetAccess.VisibleAsync(caller, db, cancellationToken)).AsNoTracking();
        budgets = status is { } wanted ? budgets.Where(b => b.Status == wanted) : budgets;
        var listed = await budgets.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToPageAsync(paging, cancellationToken);
        return TypedResults.Ok(listed.Map(BudgetResponse.From));
    }
}
