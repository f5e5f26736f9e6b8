using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.Property.Data;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Features.Votes;

/// <summary>
/// Counts a vote from its frozen roll and its ballots in one aggregate query, so that a poll of the live tally reads a
/// few rows per matter and building instead of every unit and ballot of a large estate; <see cref="Tally.Decide"/>
/// then applies the vote's rules to the counts.
/// </summary>
internal static class VoteCount
{
    // One result set of four kinds of rows: the roll's totals, the voters' totals, one row per matter and choice made,
    // one row per building. A voter's area is the area of all their units on the frozen roll, wherever those are.
    private const string Roll = "roll", Voters = "voters", Choices = "choice", Building = "building";

    public static async Task<Tally> OfAsync(Vote vote, PropertyDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        var rows = await db.Database.SqlQuery<CountRow>($"""
            WITH roll AS (
                SELECT "OwnerId", "BuildingNodeId", "FloorArea" FROM vote_roll WHERE "TenantId" = {tenantId} AND "VoteId" = {vote.Id}),
            owners AS (
                SELECT "OwnerId", sum("FloorArea") AS area FROM roll GROUP BY "OwnerId"),
            voters AS (
                SELECT b."OwnerId", b."Choices", o.area FROM ballots b JOIN owners o ON o."OwnerId" = b."OwnerId"
                WHERE b."TenantId" = {tenantId} AND b."VoteId" = {vote.Id})
            SELECT {Roll} AS "Part", NULL AS "MatterKey", NULL AS "Choice", NULL::uuid AS "NodeId",
                   count(*)::int AS "Owners", 0 AS "Units", 0 AS "ParticipatingUnits", coalesce(sum(area), 0) AS "Area"
            FROM owners
            UNION ALL
            SELECT {Voters}, NULL, NULL, NULL, count(*)::int, 0, 0, coalesce(sum(area), 0) FROM voters
            UNION ALL
            SELECT {Choices}, c.key, c.value, NULL, count(*)::int, 0, 0, sum(v.area)
            FROM voters v CROSS JOIN LATERAL jsonb_each_text(v."Choices") c GROUP BY c.key, c.value
            UNION ALL
            SELECT {Building}, NULL, NULL, r."BuildingNodeId", 0, count(*)::int, count(v."OwnerId")::int,
                   coalesce(sum(r."FloorArea") FILTER (WHERE v."OwnerId" IS NOT NULL), 0)
            FROM roll r LEFT JOIN voters v ON v."OwnerId" = r."OwnerId" GROUP BY r."BuildingNodeId"
            """).ToListAsync(cancellationToken);

        var roll = rows.Single(r => r.Part == Roll);
        var voters = rows.Single(r => r.Part == Voters);
        return Tally.Decide(
            vote.Quorum,
            vote.Matters,
            new Participation(roll.Area, roll.Owners, voters.Area, voters.Owners),
            [.. rows.Where(r => r.Part == Choices).Select(r => new ChoiceCount(r.MatterKey!, WireNames.Parse<Choice>(r.Choice!), r.Area, r.Owners))],
            [.. rows.Where(r => r.Part == Building).Select(r => new BuildingTally(r.NodeId!.Value, r.Units, r.ParticipatingUnits, r.Area))]);
    }

    private sealed record CountRow(string Part, string? MatterKey, string? Choice, Guid? NodeId, int Owners, int Units, int ParticipatingUnits, decimal Area);
}
