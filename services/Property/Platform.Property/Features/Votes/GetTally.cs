using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Features.Votes;

/// <summary>A matter's count and result.</summary>
public sealed record MatterTallyResponse(
    string Key, Matter Matter, PassRule Rule, string ApproveArea, int ApproveOwners, string RejectArea, int RejectOwners, string AbstainArea,
    int AbstainOwners, bool Passed);

/// <summary>One building's participation.</summary>
public sealed record BuildingTallyResponse(Guid NodeId, int Units, int ParticipatingUnits, string ParticipatingArea);

/// <summary>A vote's count under Civil Code Art. 278 (areas in m², two decimal places).</summary>
public sealed record TallyResponse(
    string TotalArea, int TotalOwners, string ParticipatingArea, int ParticipatingOwners, bool QuorumMet,
    IReadOnlyList<MatterTallyResponse> Matters, IReadOnlyList<BuildingTallyResponse> ByBuilding)
{
    public static TallyResponse From(Tally tally) => new(
        WireDecimal.Of(tally.TotalArea), tally.TotalOwners, WireDecimal.Of(tally.ParticipatingArea), tally.ParticipatingOwners, tally.QuorumMet,
        [.. tally.Matters.Select(m => new MatterTallyResponse(
            m.Key, m.Matter, m.Rule, WireDecimal.Of(m.ApproveArea), m.ApproveOwners, WireDecimal.Of(m.RejectArea), m.RejectOwners,
            WireDecimal.Of(m.AbstainArea), m.AbstainOwners, m.Passed))],
        [.. tally.ByBuilding.Select(b => new BuildingTallyResponse(b.NodeId, b.Units, b.ParticipatingUnits, WireDecimal.Of(b.ParticipatingArea)))]);
}

/// <summary>The live tally of an open vote, or the result of a closed one.</summary>
internal static class GetTally
{
    public static void Map(IEndpointRouteBuilder votes) =>
        votes.MapGet("{voteId:guid}/tally", HandleAsync).WithSummary(
            "The live tally (quorum progress, each matter's approving area and owners, participation by building) of an open vote, or the result of a closed one.");

    private static async Task<Ok<TallyResponse>> HandleAsync(Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (vote, _) = await VoteAccess.FindAsync(voteId, caller, db, cancellationToken);
        if (vote.StatusAt(clock.GetUtcNow()) == VoteStatus.Draft)
        {
            throw new DomainException(PropertyErrors.VoteNotOpen, "A draft has no tally; its roll is frozen when it opens.");
        }

        return TypedResults.Ok(TallyResponse.From(await VoteCount.OfAsync(vote, db, cancellationToken)));
    }
}
