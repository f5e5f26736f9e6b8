using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.PersonalData;
using Platform.Property.Data;
using Platform.Property.Domain.Roll;
using Platform.Property.Domain.Votes;
using Platform.ServiceDefaults;
using Platform.ServiceHost.Data;

namespace Platform.Property.Features.Votes;

/// <summary>A holder of a voting owner's units, as the area's other owners see it.</summary>
/// <param name="Kind">Person, company or developer.</param>
/// <param name="Name">A person's name with only the surname shown (张**); an organisation's in full.</param>
/// <param name="IdNumber">A person's ID number, masked (110***********123X).</param>
public sealed record VoterHolderResponse(HolderKind Kind, string Name, string? IdNumber);

/// <summary>One owner's ballot on a closed vote's roll.</summary>
/// <param name="Holders">Who the owner is: the holders of its units (the developer for unsold and undelivered units).</param>
/// <param name="UnitCodes">Every unit of the owner on the vote's frozen roll, by code.</param>
/// <param name="Channel">Online, paper or proxy.</param>
/// <param name="ProxyHolder">Who held the proxy, surname only.</param>
/// <param name="Choices">The choice per matter key.</param>
/// <param name="CastAt">When.</param>
public sealed record VoterResponse(
    IReadOnlyList<VoterHolderResponse> Holders, IReadOnlyList<string> UnitCodes, BallotChannel Channel, string? ProxyHolder,
    IReadOnlyDictionary<string, Choice> Choices, DateTimeOffset CastAt);

/// <summary>
/// Who voted how on a closed vote, for its area's owners and those who keep the area: every ballot in the order cast,
/// with its owner's units, names masked. While the vote is open it answers 409 <c>property.vote_not_closed</c>, so
/// that nobody votes knowing how their neighbours did.
/// </summary>
internal static class ListBallots
{
    public static void Map(IEndpointRouteBuilder votes) =>
        votes.MapGet("{voteId:guid}/ballots", HandleAsync).WithSummary(
            "Who voted how on a closed vote (names masked, unit codes, channel, choices), paged in the order cast; 409 property.vote_not_closed before it closes.");

    private static async Task<Ok<PagedResult<VoterResponse>>> HandleAsync(
        Guid voteId, int? page, int? pageSize, ClaimsPrincipal caller, PropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(page, pageSize);
        var (vote, _) = await VoteAccess.FindAsync(voteId, caller, db, cancellationToken);
        vote.EnsureClosed(clock.GetUtcNow());

        var ballots = db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id);
        var pageOfBallots = await ballots.OrderBy(b => b.CastAt).ThenBy(b => b.Id).ToPageAsync(paging, cancellationToken);
        var ownerIds = pageOfBallots.Items.Select(b => b.OwnerId).ToList();

        var unitsOf = (await db.VoteRolls.AsNoTracking().Where(e => e.VoteId == vote.Id && ownerIds.Contains(e.OwnerId))
                .Select(e => new { e.OwnerId, e.UnitId, e.UnitCode }).ToListAsync(cancellationToken))
            .GroupBy(e => e.OwnerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.UnitCode, StringComparer.Ordinal).ToList());
        var developerId = await db.Owners.Where(o => ownerIds.Contains(o.Id) && o.Key == OwnerKey.Developer).Select(o => (Guid?)o.Id)
            .SingleOrDefaultAsync(cancellationToken);

        // Every unit of one owner has the same holders (that is what makes them one owner), so one unit names them;
        // the developer's units are held by buyers who have not taken delivery, so the developer is named instead.
        var namingUnitIds = unitsOf.Where(o => o.Key != developerId).Select(o => o.Value[0].UnitId).ToList();
        var holdersOf = await db.Units.AsNoTracking().Where(u => namingUnitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Holders, cancellationToken);
        var developerName = developerId is null ? null
            : await db.Areas.Where(a => a.Id == vote.AreaId).Select(a => a.DeveloperName).SingleAsync(cancellationToken);

        IReadOnlyList<VoterHolderResponse> HoldersOf(Guid ownerId) =>
            ownerId == developerId
                ? developerName is null ? [] : [new VoterHolderResponse(HolderKind.Developer, developerName, null)]
                : [.. holdersOf[unitsOf[ownerId][0].UnitId].Select(h => new VoterHolderResponse(h.Kind, h.NameShownToOwners, h.IdNumberMasked))];

        return TypedResults.Ok(pageOfBallots.Map(b => new VoterResponse(
            HoldersOf(b.OwnerId), [.. unitsOf[b.OwnerId].Select(e => e.UnitCode)], b.Channel,
            b.ProxyHolder is null ? null : PersonName.Masked(b.ProxyHolder), b.Choices, b.CastAt)));
    }
}
