using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Budgets;

/// <summary>Who sees which budgets.</summary>
internal static class BudgetAccess
{
    /// <summary>Every budget of the district for a resident (budgets are public matters), the budgets inside a worker's scope.</summary>
    public static async Task<IQueryable<Budget>> VisibleAsync(ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        DemandAccess.IsWorker(caller) ? db.Budgets.InSubtree((await CallerScope.OfAsync(caller, db, cancellationToken)).Path) : db.Budgets;

    /// <summary>The budget, tracked, when the caller can see it.</summary>
    public static async Task<Budget?> FindAsync(Guid id, ClaimsPrincipal caller, ResidentsDbContext db, CancellationToken cancellationToken) =>
        await (await VisibleAsync(caller, db, cancellationToken)).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    public static ProblemHttpResult NotFound(Guid id) => new DomainException(BudgetErrors.NotFound, $"No budget {id} that you can see.").ToProblem();

    public static ProblemHttpResult Forbidden(string message) => new DomainException(BudgetErrors.ActionForbidden, message).ToProblem();
}
