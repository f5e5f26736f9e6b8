using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Reliability.Tests;

/// <summary>
/// The books after a run, each against an independent count: the time bank's trial balance (every balance and every
/// posting summing to zero, no account disagreeing with its postings, every transfer of the run posted exactly twice)
/// and the vote's live tally against the ballots stored (owners and areas per choice, counted in SQL here).
/// </summary>
/// <param name="Lines">One line per book, for the report.</param>
/// <param name="Problems">What does not agree: empty when both books are sound.</param>
internal sealed record Reconciliation(IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    private static readonly string[] s_choices = ["approve", "reject", "abstain"];

    public static async Task<Reconciliation> CheckAsync(
        HttpClient client, PlatformUnderFaults platform, Estate estate, Effects effects, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var ledger = await client.GetFromJsonAsync<JsonElement>("/api/timebank/ledger/trial-balance", cancellationToken);
        var (sum, postingsSum, mismatches) = (ledger.GetProperty("sumMinutes").GetInt64(), ledger.GetProperty("postingsSumMinutes").GetInt64(),
            ledger.GetProperty("mismatches").GetArrayLength());
        var notPostedTwice = effects.TransfersNotPostedTwice.ToList();
        if (sum != 0 || postingsSum != 0 || mismatches != 0 || notPostedTwice.Count != 0)
        {
            problems.Add($"Ledger: balances sum to {sum}, postings to {postingsSum}, {mismatches} accounts disagree with their postings; "
                + $"transfers without two postings: {string.Join(", ", notPostedTwice.DefaultIfEmpty("none"))}.");
        }

        var tally = await client.GetFromJsonAsync<JsonElement>($"/api/property/votes/{estate.VoteId}/tally", cancellationToken);
        var matter = tally.GetProperty("matters")[0];
        var served = s_choices.ToDictionary(choice => choice, choice => (
            Owners: matter.GetProperty($"{choice}Owners").GetInt32(), Area: Decimal(matter.GetProperty($"{choice}Area"))));
        served["participating"] = (tally.GetProperty("participatingOwners").GetInt32(), Decimal(tally.GetProperty("participatingArea")));
        var stored = await StoredBallotsAsync(platform.PropertyDatabase, estate.VoteId, cancellationToken);
        foreach (var (key, count) in served.Where(s => s.Value != stored.GetValueOrDefault(s.Key)))
        {
            problems.Add($"Tally: {key} is {count.Owners} owners with {count.Area} m², the stored ballots {stored.GetValueOrDefault(key)}.");
        }

        return new Reconciliation(
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"Ledger: balances sum to {sum} min, postings to {postingsSum} min, {mismatches} accounts disagree with their postings; {effects.Transfers - notPostedTwice.Count} of the run's {effects.Transfers} transfers posted exactly twice."),
                string.Create(CultureInfo.InvariantCulture,
                    $"Tally: {served["participating"].Owners} owners with {served["participating"].Area} m² took part (approve {served["approve"].Owners}, reject {served["reject"].Owners}, abstain {served["abstain"].Owners}); the stored ballots counted in SQL {(problems.Any(p => p.StartsWith("Tally", StringComparison.Ordinal)) ? "DISAGREE" : "agree")}."),
            ],
            problems);
    }

    private static decimal Decimal(JsonElement text) => decimal.Parse(text.GetString()!, CultureInfo.InvariantCulture);

    // Each choice's owners and the area of their units, from the ballots and the roll as stored.
    private static async Task<Dictionary<string, (int Owners, decimal Area)>> StoredBallotsAsync(string database, Guid vote, CancellationToken cancellationToken)
    {
        await using var data = NpgsqlDataSource.Create(database);
        await using var command = data.CreateCommand("""
            SELECT b."Choices" ->> 'm1', count(DISTINCT b."OwnerId")::int, coalesce(sum(u."FloorArea"), 0)
            FROM ballots b JOIN units u ON u."OwnerId" = b."OwnerId" WHERE b."VoteId" = $1 GROUP BY 1
            """);
        command.Parameters.AddWithValue(vote);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, (int Owners, decimal Area)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (reader.GetInt32(1), reader.GetDecimal(2));
        }

        counts["participating"] = (counts.Values.Sum(c => c.Owners), counts.Values.Sum(c => c.Area));
        return counts;
    }
}
