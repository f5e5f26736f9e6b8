using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Funds;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Areas;
using Platform.Property.Features.Votes;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Funds;

/// <summary>A spending from the area's maintenance fund.</summary>
/// <param name="VoteId">The closed vote that resolved it.</param>
/// <param name="MatterKey">The <c>use_maintenance_fund</c> matter of that vote.</param>
/// <param name="Amount">Yuan, at most two decimal places.</param>
/// <param name="Purpose">What it pays for.</param>
public sealed record FundSpendingRequest(Guid? VoteId, string? MatterKey, decimal? Amount, string? Purpose) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(VoteId), VoteId is null ? "The vote that resolved the spending is required." : null),
        (nameof(MatterKey), string.IsNullOrWhiteSpace(MatterKey) ? "The matter of that vote is required." : null),
        (nameof(Amount), FundSpending.AmountProblem(Amount)),
        (nameof(Purpose), FundSpending.PurposeProblem(Purpose)));
}

/// <summary>A spending recorded.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="VoteId">The vote that resolved it.</param>
/// <param name="MatterKey">Its matter.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="Remaining">What the matter still allows after it, yuan.</param>
/// <param name="Purpose">What it pays for.</param>
/// <param name="RecordedAt">When.</param>
public sealed record FundSpendingResponse(Guid Id, Guid VoteId, string MatterKey, string Amount, string Remaining, string Purpose, DateTimeOffset RecordedAt);

/// <summary>
/// Records a maintenance-fund spending, refused (409 <c>property.fund_spending_without_resolution</c>) unless it cites a
/// closed vote of the area in which that <c>use_maintenance_fund</c> matter passed, within what it approved altogether.
/// </summary>
internal static class RecordFundSpending
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapPost("{areaId:guid}/fund/spendings", HandleAsync).WithSummary(
            "Record a maintenance-fund spending: only as resolved by a passed use_maintenance_fund matter of a closed vote, within its amount over all spendings citing it.");

    private static async Task<Results<Created<FundSpendingResponse>, ValidationProblem>> HandleAsync(
        Guid areaId, FundSpendingRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var vote = await db.Votes.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VoteId && v.AreaId == area.Id, cancellationToken)
            ?? throw new DomainException(PropertyErrors.FundSpendingWithoutResolution, $"Area {area.Code} has no vote {request.VoteId}.", "voteId");
        var matterKey = request.MatterKey!.Trim();

        // Spendings citing one matter are recorded one at a time, so that two together cannot exceed what it approved.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({vote.Id.ToString() + "/" + matterKey}, 0))", cancellationToken);
        var spent = await db.FundSpendings.Where(s => s.VoteId == vote.Id && s.MatterKey == matterKey).SumAsync(s => s.Amount, cancellationToken);
        var tally = vote.StatusAt(now) == VoteStatus.Closed ? await VoteCount.OfAsync(vote, db, cancellationToken) : null;
        var spending = FundSpending.Resolve(vote, tally, matterKey, spent, request.Amount!.Value, request.Purpose!, caller.UserId()!, now);
        db.FundSpendings.Add(spending);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var approved = vote.Matters.Single(m => m.Key == matterKey).Amount!.Value;
        return TypedResults.Created(
            $"/api/property/areas/{area.Id}/fund/spendings/{spending.Id}",
            new FundSpendingResponse(
                spending.Id, vote.Id, matterKey, WireDecimal.Of(spending.Amount), WireDecimal.Of(approved - spent - spending.Amount), spending.Purpose, spending.RecordedAt));
    }
}
