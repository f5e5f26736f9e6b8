// Budget result benchmark (issue 13): a budget of 60 projects and 50,000 generated approval ballots, the result under
// greedy and under the Method of Equal Shares computed by the rules the service runs at close (BudgetSelection.Select,
// exact fractions), each timed over three rounds (median printed).
//
//   tests/Benchmarks/budget-result.sh [--ballots 50000] [--projects 60]
//
// The ballots are skewed as real ones are (a few popular projects, a long tail; 1 to 8 picks each) from a fixed seed,
// so every run sees the same election. What this does not time: reading the ballots from PostgreSQL at close.
// Target: each rule < 2 s. Exit status 0 when both are met.
extern alias residents;

using System.Diagnostics;
using System.Globalization;
using residents::Platform.Residents.Domain.Budgets;

var ballotCount = Option("--ballots", 50_000);
var projectCount = Option("--projects", 60);
var random = new Random(13);
var projects = Enumerable.Range(1, projectCount).Select(i => new BudgetProject($"P{i}", random.Next(5, 201) * 1000m)).ToArray();
// Popularity falls off with the project's rank (Zipf-like), so picks concentrate as in real elections.
var weights = Enumerable.Range(1, projectCount).Select(rank => 1.0 / rank).ToArray();
var total = weights.Sum();
IReadOnlyList<string>[] ballots = [.. Enumerable.Range(0, ballotCount).Select(_ =>
{
    var picks = new HashSet<int>();
    var wanted = random.Next(1, 9);
    while (picks.Count < wanted)
    {
        var draw = random.NextDouble() * total;
        var p = 0;
        for (; p < projectCount - 1 && (draw -= weights[p]) > 0; p++)
        {
        }

        picks.Add(p);
    }

    return (IReadOnlyList<string>)[.. picks.Select(p => projects[p].Code)];
})];
var amount = projects.Sum(p => p.Cost) / 4;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{projectCount} projects, {ballotCount:N0} ballots, {ballots.Sum(b => b.Count):N0} picks, amount {amount:N2}"));

var met = true;
foreach (var rule in Enum.GetValues<BudgetRule>())
{
    var times = new List<double>();
    BudgetOutcome? outcome = null;
    for (var round = 0; round < 3; round++)
    {
        var watch = Stopwatch.StartNew();
        outcome = BudgetSelection.Select(rule, amount, projects, ballots);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    var median = times.Order().ElementAt(1);
    met &= median < 2000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{rule,-12} median {median,8:F1} ms  (rounds {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))})  selected {outcome!.Selected.Count}, spent {outcome.Spent:N2}  target < 2000 ms: {(median < 2000 ? "met" : "NOT met")}"));
}

return met ? 0 : 1;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
