using Npgsql;

namespace Platform.Reliability.Tests;

/// <summary>
/// What the load left in the databases, read straight from them: how often each request's effect is stored, which
/// events the producers' outboxes published, and which node events the consuming service applied.
/// </summary>
internal sealed record Effects(
    IReadOnlyDictionary<string, int> DemandsByTitle,
    IReadOnlyDictionary<string, int> NodesByCode,
    IReadOnlySet<Guid> PublishedDemandEvents,
    IReadOnlySet<Guid> PublishedNodeEvents,
    IReadOnlyDictionary<Guid, int> NodesAppliedByResidents)
{
    public static async Task<Effects> ReadAsync(string residentsDatabase, string districtsDatabase, string runMark, CancellationToken cancellationToken)
    {
        await using var residents = NpgsqlDataSource.Create(residentsDatabase);
        await using var districts = NpgsqlDataSource.Create(districtsDatabase);
        return new Effects(
            await CountsAsync(residents, """SELECT "Title", count(*) FROM demands WHERE "Title" LIKE $1 GROUP BY "Title" """, $"{runMark}%", cancellationToken),
            await CountsAsync(districts, """SELECT "Code", count(*) FROM territory_nodes WHERE "Code" LIKE $1 GROUP BY "Code" """, $"{runMark}%", cancellationToken),
            await PublishedAsync(residents, "DemandReceived", "demandId", cancellationToken),
            await PublishedAsync(districts, "TerritoryNodeAdded", "nodeId", cancellationToken),
            await CountsAsync(residents, """SELECT "Id"::text, count(*) FROM territory_nodes WHERE "Code" LIKE $1 GROUP BY "Id" """, $"{runMark}%", cancellationToken)
                is var applied ? applied.ToDictionary(a => Guid.Parse(a.Key), a => a.Value) : []);
    }

    private static async Task<Dictionary<string, int>> CountsAsync(NpgsqlDataSource database, string sql, string pattern, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue(pattern);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    // The outbox keeps each event's JSON; a published row has its PublishedAt stamped by the relay.
    private static async Task<HashSet<Guid>> PublishedAsync(NpgsqlDataSource database, string eventName, string idProperty, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""SELECT ("Payload"->>'{idProperty}')::uuid FROM outbox_messages WHERE "EventType" LIKE $1 AND "PublishedAt" IS NOT NULL""");
        command.Parameters.AddWithValue($"%{eventName}%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
