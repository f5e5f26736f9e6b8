using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Features.Demands;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Budgets;

/// <summary>A new participatory budget, in draft.</summary>
/// <param name="Title">Title, at most 200 characters.</param>
/// <param name="Fund"><c>community_public_welfare</c>, <c>party_service</c> or <c>other</c>.</param>
/// <param name="Amount">The money to spend in yuan, e.g. <c>"200000.00"</c> (a string or a number, at most two decimal places).</param>
/// <param name="NodeId">The eligible area, a territory node inside the caller's scope.</param>
/// <param name="Rule"><c>greedy</c> or <c>equal_shares</c>.</param>
/// <param name="Ballot">What a ballot may choose.</param>
/// <param name="MinVotes">A project with fewer votes is never selected (default 1).</param>
/// <param name="MinAge">Residents vote from this age (default 18).</param>
public sealed record CreateBudgetRequest(
    string? Title,
    BudgetFund? Fund,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal? Amount,
    Guid? NodeId,
    BudgetRule? Rule,
    BallotRules? Ballot,
    int? MinVotes = null,
    int? MinAge = null) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Title), string.IsNullOrWhiteSpace(Title) ? "A title is required." : null),
        (nameof(Fund), Fund is null ? WireNames.Expected<BudgetFund>() : null),
        (nameof(Amount), Amount is null ? "The money to spend, e.g. \"200000.00\"." : null),
        (nameof(NodeId), NodeId is null ? "The eligible area is required." : null),
        (nameof(Rule), Rule is null ? WireNames.Expected<BudgetRule>() : null),
        ("ballot.kind", Ballot?.Kind is null ? WireNames.Expected<BallotKind>() : null));
}

/// <summary>Sets up a budget for an area inside the worker's scope.</summary>
internal static class CreateBudget
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapPost("", HandleAsync).WithSummary("Set up a budget in draft (workers, for an area inside their scope).");

    private static async Task<Results<Created<BudgetResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateBudgetRequest request, ClaimsPrincipal caller, ResidentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DemandAccess.IsWorker(caller))
        {
            return BudgetAccess.Forbidden("Workers set up budgets.");
        }

        var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
        var area = await db.TerritoryNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.NodeId, cancellationToken);
        if (area is null || area.Retired || !scope.Sees(area.Path))
        {
            return ProblemResults.Validation("nodeId", "No active territory node with this id in your area.");
        }

        var ballot = request.Ballot!;
        var budget = Budget.Create(
            request.Title!, request.Fund!.Value, request.Amount!.Value, area, request.Rule!.Value, ballot.Kind!.Value, ballot.MaxChoices, ballot.MinSpendShare ?? 0,
            request.MinVotes, request.MinAge, DemandAccess.Actor(caller).UserId, clock.GetUtcNow());
        db.Budgets.Add(budget);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/budgets/{budget.Id}", BudgetResponse.From(budget));
    }
}
