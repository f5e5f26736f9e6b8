using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.MultiTenancy;
using Platform.Residents.Data;
using Platform.Residents.Domain.Budgets;
using Platform.Residents.Features.Demands;
using Platform.Residents.Features.Residents;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Budgets;

/// <summary>A ballot in a participatory budget.</summary>
/// <param name="ResidentId">The resident voting: omitted (or their own) when a resident votes online; required when a worker enters a paper ballot.</param>
/// <param name="Projects">The project codes chosen, each once.</param>
/// <param name="Channel"><c>online</c> (residents, the default for them) or <c>paper</c> (workers, the default for them).</param>
public sealed record CastBudgetBallotRequest(Guid? ResidentId, IReadOnlyList<string>? Projects, BudgetBallotChannel? Channel) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Projects), Projects is null ? "The project codes chosen." : Projects.Any(code => code is null) ? "Codes are strings." : null));
}

/// <summary>A counted ballot; no personal data beyond the resident's id.</summary>
/// <param name="BudgetId">The budget.</param>
/// <param name="ResidentId">The resident.</param>
/// <param name="Projects">The codes chosen.</param>
/// <param name="Channel">Online or paper.</param>
/// <param name="CastAt">When.</param>
public sealed record BudgetBallotResponse(Guid BudgetId, Guid ResidentId, IReadOnlyList<string> Projects, BudgetBallotChannel Channel, DateTimeOffset CastAt);

/// <summary>
/// Casts one ballot: a resident their own online, through their linked account; a worker in scope a paper ballot naming
/// the resident. One per eligible resident (registered in the budget's area, of the minimum age) whichever the channel.
/// </summary>
internal static class CastBudgetBallot
{
    public static void Map(IEndpointRouteBuilder budgets) =>
        budgets.MapPost("{id:guid}/ballots", HandleAsync).WithSummary(
            "Cast a ballot: residents their own online, workers a paper ballot naming the resident. 409 budget.already_voted for a second ballot by any channel; "
            + "400 budget.invalid_ballot for an empty ballot, a repeated or unknown code, too many choices, or a knapsack ballot over the amount or under the minimum spend share; "
            + "400 budget.not_eligible for a resident outside the area or under the minimum age.");

    private static async Task<Results<Created<BudgetBallotResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, CastBudgetBallotRequest request, ClaimsPrincipal caller, ResidentsDbContext db, ITenantContext tenant, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var isWorker = DemandAccess.IsWorker(caller);
        var channel = request.Channel ?? (isWorker ? BudgetBallotChannel.Paper : BudgetBallotChannel.Online);
        Guid residentId;
        if (isWorker)
        {
            if (channel != BudgetBallotChannel.Paper)
            {
                return BudgetAccess.Forbidden("Workers enter paper ballots; online ballots are the residents' own.");
            }

            if (request.ResidentId is not { } named)
            {
                return ProblemResults.Validation("residentId", "The resident whose paper ballot this is.");
            }

            residentId = named;
        }
        else
        {
            if (await LinkedResidents.OfAsync(caller, db, cancellationToken) is not { } self)
            {
                return LinkedResidents.NotLinked();
            }

            if (channel != BudgetBallotChannel.Online || request.ResidentId is { } other && other != self.Id)
            {
                return BudgetAccess.Forbidden("Residents cast their own online ballot; workers enter paper ballots.");
            }

            residentId = self.Id;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BudgetLocks.ForBallotAsync(db, tenant, id, cancellationToken);
        if (await BudgetAccess.FindAsync(id, caller, db, cancellationToken) is not { } budget)
        {
            return BudgetAccess.NotFound(id);
        }

        var now = clock.GetUtcNow();
        var bornBy = DistrictClock.Today(now).AddYears(-budget.MinAge);
        var eligible = await db.Residents.InSubtree(budget.NodePath).AnyAsync(r => r.Id == residentId && r.BirthDate <= bornBy, cancellationToken);
        var voted = await db.BudgetBallots.AnyAsync(b => b.BudgetId == id && b.ResidentId == residentId, cancellationToken);
        var ballot = budget.CastBallot(residentId, eligible, voted, request.Projects!, channel, DemandAccess.Actor(caller).UserId, now);
        db.BudgetBallots.Add(ballot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same resident's two ballots raced; the key decided.
            return new DomainException(BudgetErrors.AlreadyVoted, "This resident has a ballot in this budget already.", "residentId").ToProblem();
        }

        return TypedResults.Created($"/api/budgets/{id}/ballots", new BudgetBallotResponse(id, residentId, ballot.Projects, channel, now));
    }
}
