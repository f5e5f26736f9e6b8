using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Property.Data;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Areas;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Votes;

/// <summary>A matter to put to the owners.</summary>
/// <param name="Key">The key ballots answer it by, unique in the vote, e.g. m1.</param>
/// <param name="Matter">Which item of Civil Code Art. 278, e.g. <c>hire_or_dismiss_manager</c>.</param>
/// <param name="Question">The question.</param>
/// <param name="Amount">Yuan, for <c>use_maintenance_fund</c> and <c>raise_maintenance_fund</c> only.</param>
public sealed record VoteMatterRequest(string? Key, Matter? Matter, string? Question, decimal? Amount);

/// <summary>A new vote of an area's owners.</summary>
/// <param name="Title">Title.</param>
/// <param name="OpensAt">When it is to open.</param>
/// <param name="ClosesAt">When it closes by itself.</param>
/// <param name="Matters">The matters, each answered on every ballot.</param>
public sealed record DraftVoteRequest(string? Title, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<VoteMatterRequest>? Matters)
    : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => FieldChecks.Problems(
        (nameof(Title), Vote.TitleProblem(Title)),
        (nameof(OpensAt), OpensAt is null ? "When the vote opens is required." : null),
        (nameof(ClosesAt), ClosesAt is null ? "When the vote closes is required." : OpensAt is { } opens && ClosesAt <= opens ? "A vote closes after it opens." : null),
        (nameof(Matters), Matters is null || Matters.Any(m => m?.Matter is null || m.Key is null || m.Question is null)
            ? "Every matter has a key, a matter and a question."
            : Vote.MattersProblem(ToDrafts(Matters))));

    /// <summary>The matters of a request its validation has accepted.</summary>
    public static List<VoteMatterDraft> ToDrafts(IReadOnlyList<VoteMatterRequest> matters) =>
        [.. matters.Select(m => new VoteMatterDraft(m.Key!, m.Matter!.Value, m.Question!, m.Amount))];
}

/// <summary>Draws up a vote of an area the caller keeps, decided by the district's rules as they are now.</summary>
internal static class DraftVote
{
    public static void Map(IEndpointRouteBuilder areas) =>
        areas.MapPost("{areaId:guid}/votes", HandleAsync).WithSummary("Draw up a vote of the area's owners (status draft); the district's decision rules of today apply.");

    private static async Task<Results<Created<VoteResponse>, ValidationProblem>> HandleAsync(
        Guid areaId, DraftVoteRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var area = await AreaAccess.FindAsync(areaId, caller, db, cancellationToken);
        var rules = (await db.DecisionRules.SingleOrDefaultAsync(cancellationToken))?.Rules ?? DecisionRules.CivilCode;
        var vote = Vote.Draft(
            area.Id, request.Title!, request.OpensAt!.Value, request.ClosesAt!.Value, DraftVoteRequest.ToDrafts(request.Matters!), rules, caller.UserId()!, now);
        db.Votes.Add(vote);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/property/votes/{vote.Id}", VoteResponse.From(vote, now));
    }
}
