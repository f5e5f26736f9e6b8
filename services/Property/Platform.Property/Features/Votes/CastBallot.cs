using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Committees;
using Platform.ServiceDefaults;

namespace Platform.Property.Features.Votes;

/// <summary>An owner's ballot.</summary>
/// <param name="UnitCode">Any unit of the owner in the vote's area (the ballot carries all the owner's units).</param>
/// <param name="Choices">A choice for every matter key: <c>approve</c>, <c>reject</c> or <c>abstain</c>.</param>
/// <param name="Channel"><c>online</c> (the signed-in owner), <c>paper</c> or <c>proxy</c> (entered by owners'-committee members or those who keep the area).</param>
/// <param name="EvidenceRef">The reference of the scanned paper ballot or proxy; required for paper and proxy.</param>
/// <param name="ProxyHolder">Who held the proxy; required for proxy.</param>
public sealed record CastBallotRequest(
    string? UnitCode, IReadOnlyDictionary<string, Choice>? Choices, BallotChannel? Channel, string? EvidenceRef, string? ProxyHolder) : IValidatableObject
{
    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var record = Channel is { } channel ? Ballot.RecordProblem(channel, EvidenceRef, ProxyHolder) : null;
        return FieldChecks.Problems(
            (nameof(UnitCode), string.IsNullOrWhiteSpace(UnitCode) ? "The unit the ballot is for is required." : null),
            (nameof(Choices), Choices is null ? "A choice for every matter is required." : null),
            (nameof(Channel), Channel is null ? "online, paper or proxy." : null),
            (record?.Field == "evidenceRef" ? nameof(EvidenceRef) : nameof(ProxyHolder), record?.Problem));
    }
}

/// <summary>A ballot cast.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="VoteId">The vote.</param>
/// <param name="OwnerId">The owner whose ballot it is.</param>
/// <param name="UnitCode">The unit it named.</param>
/// <param name="Channel">How it came.</param>
/// <param name="Choices">The choice per matter key.</param>
/// <param name="CastAt">When.</param>
public sealed record BallotResponse(Guid Id, Guid VoteId, Guid OwnerId, string UnitCode, BallotChannel Channel, IReadOnlyDictionary<string, Choice> Choices, DateTimeOffset CastAt);

/// <summary>
/// Casts an owner's ballot: online by the owner's linked user, on paper or by proxy entered by a member of the area's
/// active owners' committee or by those who keep the area.
/// One per owner per vote whatever the channel (409 <c>property.already_voted</c>).
/// </summary>
internal static class CastBallot
{
    public static void Map(IEndpointRouteBuilder votes) =>
        votes.MapPost("{voteId:guid}/ballots", HandleAsync).WithSummary(
            "Cast an owner's ballot (one per owner, whatever the channel: 409 property.already_voted); paper and proxy need evidenceRef, proxy also proxyHolder.");

    private static async Task<Results<Created<BallotResponse>, ValidationProblem>> HandleAsync(
        Guid voteId, CastBallotRequest request, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (vote, keeps) = await VoteAccess.FindAsync(voteId, caller, db, cancellationToken);
        vote.EnsureOpen(now);
        var code = request.UnitCode!.Trim();
        var entry = await db.VoteRolls.AsNoTracking().SingleOrDefaultAsync(e => e.VoteId == vote.Id && e.UnitCode == code, cancellationToken)
            ?? throw new DomainException(PropertyErrors.UnitNotFound, $"No unit {code} on this vote's roll.", "unitCode");
        var channel = request.Channel!.Value;
        var userId = caller.UserId()!;
        var allowed = channel == BallotChannel.Online
            ? await db.Owners.AnyAsync(o => o.Id == entry.OwnerId && o.UserId == userId, cancellationToken)
            : keeps || await CommitteeAccess.IsOwnersCommitteeMemberAsync(vote.AreaId, userId, db, cancellationToken);
        if (!allowed)
        {
            throw new DomainException(
                PropertyErrors.BallotForbidden,
                channel == BallotChannel.Online
                    ? "Online, owners vote for their own units only."
                    : "Paper and proxy ballots are entered by the area's owners'-committee members or those who keep the area.");
        }

        if (await db.Ballots.AnyAsync(b => b.VoteId == vote.Id && b.OwnerId == entry.OwnerId, cancellationToken))
        {
            throw AlreadyVoted(code);
        }

        var ballot = Ballot.Cast(vote, entry.OwnerId, code, request.Choices!, channel, request.EvidenceRef, request.ProxyHolder, userId, now);
        db.Ballots.Add(ballot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The owner's ballot arrived on two channels at once; the index kept the first.
            throw AlreadyVoted(code);
        }

        return TypedResults.Created(
            $"/api/property/votes/{vote.Id}/ballots/{ballot.Id}",
            new BallotResponse(ballot.Id, vote.Id, ballot.OwnerId, ballot.UnitCode, ballot.Channel, ballot.Choices, ballot.CastAt));
    }

    private static DomainException AlreadyVoted(string unitCode) =>
        new(PropertyErrors.AlreadyVoted, $"The owner of unit {unitCode} has voted already.");
}
