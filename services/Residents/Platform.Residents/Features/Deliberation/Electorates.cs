using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Residents.Data;
using Platform.Residents.Domain;
using Platform.Residents.Domain.Deliberation;
using Platform.TerritoryReplica;

namespace Platform.Residents.Features.Deliberation;

/// <summary>
/// Who is in an electorate of a node, counted from the registry: the electorate of a topic's vote and the roll of a
/// meeting are the same people (adults registered within the node, their households, or the node's serving representatives).
/// </summary>
internal static class Electorates
{
    /// <summary>How many are in <paramref name="electorate"/> of the node now.</summary>
    public static async Task<int> SizeAsync(Guid nodeId, string nodePath, Electorate electorate, ResidentsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var adults = AdultsWithin(nodePath, db, now);
        return electorate switch
        {
            Electorate.Households => await adults.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId).Distinct().CountAsync(cancellationToken),
            Electorate.Representatives => await RepresentativeAccess.ServingOn(db, nodeId, DistrictClock.Today(now)).CountAsync(cancellationToken),
            _ => await adults.CountAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Whom a voter counts as in <paramref name="electorate"/> (the resident, their household, or the representative)
    /// and the resident they are, or null when the person named is not in it. A representative is named by
    /// <paramref name="representativeId"/> or, if a registered resident, by <paramref name="residentId"/>.
    /// </summary>
    public static async Task<(Guid Key, Guid? ResidentId)?> VoterAsync(
        Guid nodeId, string nodePath, Electorate electorate, Guid? residentId, Guid? representativeId, ResidentsDbContext db, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (electorate == Electorate.Representatives)
        {
            // Whoever serves on the day counts: a term that ended since the vote opened no longer votes.
            var serving = RepresentativeAccess.ServingOn(db, nodeId, DistrictClock.Today(now));
            serving = representativeId is { } named ? serving.Where(r => r.Id == named) : serving.Where(r => r.ResidentId == residentId);
            var representative = await serving.Select(r => new { r.Id, r.ResidentId }).FirstOrDefaultAsync(cancellationToken);
            return representative is null || residentId is { } resident && representative.ResidentId != resident ? null : (representative.Id, representative.ResidentId);
        }

        if (residentId is not { } id)
        {
            return null;
        }

        var adult = await AdultsWithin(nodePath, db, now).Where(r => r.Id == id).Select(r => new { r.Id, r.HouseholdId }).SingleOrDefaultAsync(cancellationToken);
        return adult switch
        {
            null => null,
            { HouseholdId: null } when electorate == Electorate.Households => null,
            _ => (electorate == Electorate.Households ? adult.HouseholdId!.Value : adult.Id, adult.Id),
        };
    }

    private static IQueryable<Resident> AdultsWithin(string nodePath, ResidentsDbContext db, DateTimeOffset now)
    {
        var bornBy = DistrictClock.Today(now).AddYears(-DeliberationRules.VotingAge);
        return db.Residents.InSubtree(nodePath).Where(r => r.BirthDate <= bornBy);
    }
}
