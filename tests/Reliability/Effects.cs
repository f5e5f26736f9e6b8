using Npgsql;

namespace Platform.Reliability.Tests;

/// <summary>
/// What the load left in the databases, read straight from them, per flow (<see cref="SteadyLoad.Kinds"/>): how often
/// each request's effect is stored, which of its events the producer's outbox published, and how often each consuming
/// service applied them. Events are keyed by <see cref="EventKey"/>.
/// </summary>
/// <param name="Stored">Per flow, the rows each request left: demands by title, nodes by code, ballots by evidence
/// reference, postings by transfer id, work-order status events (written in the step's transaction) by demand and status.</param>
/// <param name="Published">Per flow with events, the events the producer's outbox relay stamped published.</param>
/// <param name="Applied">Per flow with consumers, per consuming service, how often each event's effect is there: a node in
/// each territory replica, a work-order step in the demand's history.</param>
internal sealed record Effects(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Stored,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Published,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> Applied)
{
    private const string WorkOrderStepKey = """("Payload"->>'demandId') || ':' || ("Payload"->>'status')""";

    public static async Task<Effects> ReadAsync(PlatformUnderFaults platform, string runMark, CancellationToken cancellationToken)
    {
        await using var residents = NpgsqlDataSource.Create(platform.ResidentsDatabase);
        await using var districts = NpgsqlDataSource.Create(platform.DistrictsDatabase);
        await using var property = NpgsqlDataSource.Create(platform.PropertyDatabase);
        await using var timeBank = NpgsqlDataSource.Create(platform.TimeBankDatabase);
        var marked = $"{runMark}%";
        const string AppliedNodes = """SELECT "Id"::text, count(*) FROM territory_nodes WHERE "Code" LIKE $1 GROUP BY "Id" """;
        return new Effects(
            new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                [SteadyLoad.Demand] = await CountsAsync(residents, """SELECT "Title", count(*) FROM demands WHERE "Title" LIKE $1 GROUP BY "Title" """, marked, cancellationToken),
                [SteadyLoad.Node] = await CountsAsync(districts, """SELECT "Code", count(*) FROM territory_nodes WHERE "Code" LIKE $1 GROUP BY "Code" """, marked, cancellationToken),
                [SteadyLoad.Ballot] = await CountsAsync(property, """SELECT "EvidenceRef", count(*) FROM ballots WHERE "EvidenceRef" LIKE $1 GROUP BY "EvidenceRef" """, marked, cancellationToken),
                [SteadyLoad.Transfer] = await CountsAsync(timeBank, """
                    SELECT t."Id"::text, count(p."TransferId") FROM transfers t LEFT JOIN postings p ON p."TransferId" = t."Id"
                    WHERE t."Memo" LIKE $1 GROUP BY t."Id"
                    """, marked, cancellationToken),
                [SteadyLoad.WorkOrder] = await CountsAsync(property, $"""
                    SELECT {WorkOrderStepKey}, count(*) FROM outbox_messages WHERE "EventType" LIKE $1 GROUP BY 1
                    """, "%PropertyWorkOrderStatusChanged%", cancellationToken),
            },
            new Dictionary<string, IReadOnlySet<string>>
            {
                [SteadyLoad.Demand] = await PublishedAsync(residents, "DemandReceived", "\"Payload\"->>'demandId'", cancellationToken),
                [SteadyLoad.Node] = await PublishedAsync(districts, "TerritoryNodeAdded", "\"Payload\"->>'nodeId'", cancellationToken),
                [SteadyLoad.WorkOrder] = await PublishedAsync(property, "PropertyWorkOrderStatusChanged", WorkOrderStepKey, cancellationToken),
            },
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>>
            {
                [SteadyLoad.Node] = new Dictionary<string, IReadOnlyDictionary<string, int>>
                {
                    ["residents"] = await CountsAsync(residents, AppliedNodes, marked, cancellationToken),
                    ["property"] = await CountsAsync(property, AppliedNodes, marked, cancellationToken),
                    ["timebank"] = await CountsAsync(timeBank, AppliedNodes, marked, cancellationToken),
                },
                [SteadyLoad.WorkOrder] = new Dictionary<string, IReadOnlyDictionary<string, int>>
                {
                    ["residents"] = await CountsAsync(residents, """
                        SELECT "DemandId"::text || ':' || "Details", count(*) FROM demand_history WHERE "Action" = $1 GROUP BY 1
                        """, "work_order", cancellationToken),
                },
            });
    }

    /// <summary>
    /// What a request's effect and events are found by: a demand's title, a node's code, a ballot's evidence reference, a
    /// transfer's id and a work-order step's demand and status (the request's key) for what it stored; for its events the
    /// created demand's or node's id, and the step's key.
    /// </summary>
    public static string? EventKey(Attempt attempt) => attempt.Kind switch
    {
        SteadyLoad.Demand or SteadyLoad.Node => attempt.Id?.ToString(),
        SteadyLoad.WorkOrder => attempt.Key,
        _ => null,
    };

    /// <summary>Whether the flow publishes events: demands, nodes and work-order steps do; a ballot and a transfer publish none.</summary>
    public static bool HasEvents(string kind) => kind is SteadyLoad.Demand or SteadyLoad.Node or SteadyLoad.WorkOrder;

    /// <summary>
    /// How many times the request's effect is stored; a transfer's postings count in pairs (a debit and a credit), so
    /// that a half-written transfer counts as lost (and <see cref="TransfersNotPostedTwice"/> names it).
    /// </summary>
    public int TimesStored(Attempt attempt)
    {
        var rows = Stored[attempt.Kind].GetValueOrDefault(attempt.Key);
        return attempt.Kind == SteadyLoad.Transfer ? rows / 2 : rows;
    }

    /// <summary>Whether the producer published the request's event.</summary>
    public bool IsPublished(Attempt attempt) => EventKey(attempt) is { } key && Published[attempt.Kind].Contains(key);

    /// <summary>Whether every consuming service applied the request's event (true for a flow without consumers of its own).</summary>
    public bool IsAppliedEverywhere(Attempt attempt) =>
        !Applied.TryGetValue(attempt.Kind, out var consumers) || (EventKey(attempt) is { } key && consumers.Values.All(c => c.ContainsKey(key)));

    /// <summary>How many consuming services applied the request's event more than once.</summary>
    public int AppliedTwice(Attempt attempt) =>
        Applied.TryGetValue(attempt.Kind, out var consumers) && EventKey(attempt) is { } key ? consumers.Values.Count(c => c.GetValueOrDefault(key) > 1) : 0;

    /// <summary>Transfers of the run (the set-up's included) without exactly two postings: none in a sound ledger.</summary>
    public IEnumerable<string> TransfersNotPostedTwice => Stored[SteadyLoad.Transfer].Where(t => t.Value != 2).Select(t => $"{t.Key} ({t.Value} postings)");

    /// <summary>How many transfers the run wrote (the set-up's included).</summary>
    public int Transfers => Stored[SteadyLoad.Transfer].Count;

    private static async Task<IReadOnlyDictionary<string, int>> CountsAsync(NpgsqlDataSource database, string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    // The outbox keeps each event's JSON; a published row has its PublishedAt stamped by the relay.
    private static async Task<IReadOnlySet<string>> PublishedAsync(NpgsqlDataSource database, string eventName, string keySql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""SELECT {keySql} FROM outbox_messages WHERE "EventType" LIKE $1 AND "PublishedAt" IS NOT NULL""");
        command.Parameters.AddWithValue($"%{eventName}%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new HashSet<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
