using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain;
using Platform.Property.Domain.Votes;
using Platform.Property.Features.Areas;
using Platform.ServiceDefaults;
using Platform.TerritoryReplica;

namespace Platform.Property.Features.Votes;

/// <summary>
/// Who sees a vote: the workers and administrators who keep its area, and the owners of that area linked to a
/// platform user. Anyone else gets the 404 a missing vote answers.
/// </summary>
internal static class VoteAccess
{
    /// <summary>Whether the caller has a role that keeps areas (inside their scope).</summary>
    public static bool IsKeeper(ClaimsPrincipal caller) => PropertyEndpoints.KeeperRoles.Any(caller.IsInRole);

    /// <summary>The vote, and whether the caller keeps its area (rather than being one of its owners).</summary>
    public static async Task<(Vote Vote, bool Keeps)> FindAsync(Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var vote = await db.Votes.SingleOrDefaultAsync(v => v.Id == voteId, cancellationToken);
        if (vote is not null)
        {
            if (IsKeeper(caller))
            {
                var scope = await CallerScope.OfAsync(caller, db, cancellationToken);
                if (await AreaAccess.InScope(db, scope).AnyAsync(a => a.Id == vote.AreaId, cancellationToken))
                {
                    return (vote, true);
                }
            }

            var userId = caller.UserId();
            if (userId is not null && await db.Owners.AnyAsync(o => o.AreaId == vote.AreaId && o.UserId == userId, cancellationToken))
            {
                return (vote, false);
            }
        }

        throw new DomainException(PropertyErrors.VoteNotFound, $"No vote {voteId} that you can see.");
    }

    /// <summary>The vote, if the caller keeps its area; 404 otherwise.</summary>
    public static async Task<Vote> FindKeptAsync(Guid voteId, ClaimsPrincipal caller, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var (vote, keeps) = await FindAsync(voteId, caller, db, cancellationToken);
        return keeps ? vote : throw new DomainException(PropertyErrors.VoteNotFound, $"No vote {voteId} in your territory.");
    }
}
