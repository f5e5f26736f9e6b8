using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Property.Data;

namespace Platform.Property.Features.Votes;

/// <summary>A vote the caller keeps or is an owner in.</summary>
internal static class GetVote
{
    public static void Map(IEndpointRouteBuilder votes) =>
        votes.MapGet("{voteId:guid}", HandleAsync).WithSummary("A vote, for those who keep its area and its area's linked owners.");

    private static async Task<Ok<VoteResponse>> HandleAsync(Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (vote, _) = await VoteAccess.FindAsync(voteId, caller, db, cancellationToken);
        return TypedResults.Ok(VoteResponse.From(vote, clock.GetUtcNow()));
    }
}
