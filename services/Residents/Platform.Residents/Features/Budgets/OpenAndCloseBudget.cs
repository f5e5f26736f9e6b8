using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Messaging.Outbox;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Notices;
using Platform.Residents.Features.Demands;

namespace Platform.Residents.Features.Budgets;

/// <summary>Opens a budget's vote, and closes it computing and publishing the result.</summary>
internal static class OpenAndCloseBudget
{
    public static void Map(IEndpointRouteBuilder budgets)
    {
        budgets.MapPost("{id:guid}/open", OpenAsync).WithSummary("Open the vote on a budget in draft with at least one project (workers).");
        budgets.MapPost("{id:guid}/close", CloseAsync).WithSummary(
            "Close the vote (workers): the result is computed under the budget's rule from every ballot and published as a notice with the full tally; a budget closed with no ballot selects nothing.");
    }

    private static async Task<Results<Ok<BudgetResponse>, ProblemHttpResult>> OpenAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return BudgetAccess.Forbidden("Workers open the vote.");
        }

        if (await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is not { } budget)
        {
            return BudgetAccess.NotFound(id);
        }

        budget.Open(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BudgetResponse.From(budget));
    }

    private static async Task<Results<Ok<BudgetResultResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, ClaimsPrincipal caller, ResidentsDbContext db, ITenantContext tenant, IOptions<NoticeRules> notices, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return BudgetAccess.Forbidden("Workers close the vote.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Ballots hold the budget's row in key-share mode while they check it is open; this waits for those in flight, and
        // any ballot after it reads the budget closed. Every ballot counted is in the result, and none comes after it.
        await BudgetLocks.ForCloseAsync(db, tenant, id, cancellationToken);
        if (await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is not { } budget)
        {
            return BudgetAccess.NotFound(id);
        }

        var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.BudgetId == id).Select(b => b.Projects).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        budget.Close(ballots, now);
        db.AddIntegrationEvent(BudgetEvents.ResultPublished(budget, now));
        db.Notices.Add(PublicNotices.BudgetResult(budget, notices.Value.ResultPeriod, DemandAccess.Actor(caller).UserId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(BudgetResultResponse.From(budget));
    }
}

/// <summary>The row locks that keep a budget's close and its ballots apart (see <see cref="OpenAndCloseBudget"/>).</summary>
internal static class BudgetLocks
{
    /// <summary>Holds the budget against closing until the ballot's transaction ends; ballots do not wait for each other.</summary>
    public static Task ForBallotAsync(ResidentsDbContext db, ITenantContext tenant, Guid id, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""SELECT 1 FROM budgets WHERE "TenantId" = {tenant.TenantId} AND "Id" = {id} FOR KEY SHARE""", cancellationToken);

    /// <summary>Waits for the ballots in flight and keeps new ones out until the close's transaction ends.</summary>
    public static Task ForCloseAsync(ResidentsDbContext db, ITenantContext tenant, Guid id, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""SELECT 1 FROM budgets WHERE "TenantId" = {tenant.TenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
}
