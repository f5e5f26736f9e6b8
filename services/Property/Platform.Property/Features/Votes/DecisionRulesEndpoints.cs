using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.Property.Domain.Votes;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Votes;

/// <summary>A share of the area and of the owners, each written like <c>&gt;=2/3</c> or <c>&gt;1/2</c>.</summary>
/// <param name="Area">The share of the area.</param>
/// <param name="Owners">The share of the owners.</param>
public sealed record ThresholdRequest(string? Area, string? Owners)
{
    /// <summary>What is wrong with it, or null.</summary>
    public string? Problem() =>
        !Threshold.TryParse(Area, out _, out var areaProblem) ? $"area: {areaProblem}"
        : !Threshold.TryParse(Owners, out _, out var ownersProblem) ? $"owners: {ownersProblem}"
        : null;

    /// <summary>The threshold of a request its validation has accepted.</summary>
    public DoubleThreshold ToThreshold() =>
        Threshold.TryParse(Area, out var area, out _) && Threshold.TryParse(Owners, out var owners, out _)
            ? new DoubleThreshold(area, owners)
            : throw new InvalidOperationException("The request's validation let a malformed threshold through.");
}

/// <summary>A district's decision rules: each may only be stricter than the Civil Code's.</summary>
/// <param name="Quorum">The quorum, or null for the law's (≥ 2/3 of the area and of the owners).</param>
/// <param name="Matters">Pass rules by matter (wire name); matters not named follow the law.</param>
public sealed record DecisionRulesRequest(ThresholdRequest? Quorum, IReadOnlyDictionary<Matter, ThresholdRequest>? Matters) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Quorum), Quorum?.Problem()),
        (nameof(Matters), Matters?.Select(m => m.Value?.Problem() is { } problem ? $"{m.Key}: {problem}" : null).FirstOrDefault(p => p is not null)
            ?? (Matters?.Values.Any(v => v is null) == true ? "Every matter named has a rule." : null)));
}

/// <summary>The decision rules in force: the district's or the law's.</summary>
/// <param name="Quorum">The quorum.</param>
/// <param name="Matters">Every matter's pass rule.</param>
public sealed record DecisionRulesResponse(ThresholdResponse Quorum, IReadOnlyDictionary<Matter, ThresholdResponse> Matters)
{
    public static DecisionRulesResponse From(DecisionRules rules) => new(
        ThresholdResponse.From(rules.Quorum), Enum.GetValues<Matter>().ToDictionary(m => m, m => ThresholdResponse.From(rules.PassOf(m))));
}

/// <summary>Reads and sets the district's decision rules; a rule looser than the law's answers 400 <c>property.rule_looser_than_law</c>.</summary>
internal static class DecisionRulesEndpoints
{
    public static void Map(IEndpointRouteBuilder rules)
    {
        rules.MapGet("", GetAsync).WithSummary("The decision rules votes drawn up now are decided by.");
        rules.MapPut("", PutAsync).WithSummary("Set the district's decision rules; each may only be stricter than Civil Code Art. 278 (400 property.rule_looser_than_law).");
    }

    private static async Task<Ok<DecisionRulesResponse>> GetAsync(PropertyDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(DecisionRulesResponse.From((await db.DecisionRules.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Rules ?? DecisionRules.CivilCode));

    private static async Task<Results<Ok<DecisionRulesResponse>, ValidationProblem>> PutAsync(
        DecisionRulesRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var quorum = request.Quorum?.ToThreshold();
        var pass = (request.Matters ?? new Dictionary<Matter, ThresholdRequest>()).ToDictionary(m => m.Key, m => m.Value.ToThreshold());
        var rules = await db.DecisionRules.SingleOrDefaultAsync(cancellationToken);
        if (rules is null)
        {
            rules = DistrictDecisionRules.Set(quorum, pass, caller.UserId()!, clock.GetUtcNow());
            db.DecisionRules.Add(rules);
        }
        else
        {
            rules.Change(quorum, pass, caller.UserId()!, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DecisionRulesResponse.From(rules.Rules));
    }
}
