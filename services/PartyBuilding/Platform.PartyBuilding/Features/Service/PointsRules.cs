using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.PartyBuilding.Data;
using Platform.PartyBuilding.Domain;
using Platform.PartyBuilding.Domain.Service;
using Platform.PartyBuilding.Features.Reporting;
using Platform.ServiceDefaults;

namespace Platform.PartyBuilding.Features.Service;

/// <summary>A new version of the district's points rules.</summary>
/// <param name="PointsPerHour">Points per hour of service in a category without a rate of its own.</param>
/// <param name="CategoryRates">Points per hour of the categories rated apart, each once.</param>
/// <param name="PointsPerCompletedClaim">Points per completed claim.</param>
/// <param name="HighRatingBonus">Points per service rated 4 or 5.</param>
/// <param name="AbandonedClaimDeduction">Points deducted per claim given up before its term.</param>
public sealed record PublishPointsRuleRequest(
    int? PointsPerHour, IReadOnlyList<CategoryRate>? CategoryRates, int? PointsPerCompletedClaim, int? HighRatingBonus, int? AbandonedClaimDeduction)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FieldChecks.Problems(("rule", ToTerms() is { } terms ? terms.Problem() : "Every figure is required."));

    /// <summary>The terms; null while a figure is missing.</summary>
    public PointsTerms? ToTerms() =>
        PointsPerHour is { } perHour && PointsPerCompletedClaim is { } perClaim && HighRatingBonus is { } bonus && AbandonedClaimDeduction is { } deduction
            ? new PointsTerms(perHour, CategoryRates ?? [], perClaim, bonus, deduction)
            : null;
}

/// <summary>A version of the district's points rules.</summary>
/// <param name="Version">Its version, from 1.</param>
/// <param name="PointsPerHour">Points per hour of a category without a rate of its own.</param>
/// <param name="CategoryRates">The categories rated apart.</param>
/// <param name="PointsPerCompletedClaim">Points per completed claim.</param>
/// <param name="HighRatingBonus">Points per service rated 4 or 5.</param>
/// <param name="AbandonedClaimDeduction">Points deducted per abandoned claim.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record PointsRuleResponse(
    int Version, int PointsPerHour, IReadOnlyList<CategoryRate> CategoryRates, int PointsPerCompletedClaim, int HighRatingBonus, int AbandonedClaimDeduction,
    DateTimeOffset PublishedAt)
{
    public static PointsRuleResponse From(PointsRule rule) => new(
        rule.Version, rule.PointsPerHour, rule.CategoryRates, rule.PointsPerCompletedClaim, rule.HighRatingBonus, rule.AbandonedClaimDeduction, rule.PublishedAt);
}

/// <summary>The district's points rules: the version in force, and a new version published by a district admin.</summary>
internal static class PointsRules
{
    public static void Map(RouteGroupBuilder service)
    {
        service.MapGet("points-rules", GetAsync).WithSummary("The points rules in force, with their version.");
        service.MapPost("points-rules", PublishAsync).RequireAuthorization(ReportingEndpoints.DistrictAdminsPolicy)
            .WithSummary("Publish a new version of the points rules; points computed from now on use it and name it.");
    }

    /// <summary>The rules in force.</summary>
    /// <exception cref="DomainException">The district has published none yet.</exception>
    public static async Task<PointsRule> CurrentAsync(PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        await LatestAsync(db, cancellationToken)
            ?? throw new DomainException(PartyBuildingErrors.PointsRuleNotPublished, "The district has published no points rules yet.");

    private static Task<PointsRule?> LatestAsync(PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        db.PointsRules.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Ok<PointsRuleResponse>> GetAsync(PartyBuildingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(PointsRuleResponse.From(await CurrentAsync(db, cancellationToken)));

    private static async Task<Created<PointsRuleResponse>> PublishAsync(
        PublishPointsRuleRequest request, ClaimsPrincipal caller, PartyBuildingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rule = PointsRule.Publish(await LatestAsync(db, cancellationToken), request.ToTerms()!, caller.UserId()!, clock.GetUtcNow());
        db.PointsRules.Add(rule);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two publications at once: the key (district, version) lets one of them in.
            throw new DomainException(PartyBuildingErrors.PointsRuleConflict, $"Version {rule.Version} was published a moment ago; read it and publish again.");
        }

        return TypedResults.Created("/api/partybuilding/points-rules", PointsRuleResponse.From(rule));
    }
}
