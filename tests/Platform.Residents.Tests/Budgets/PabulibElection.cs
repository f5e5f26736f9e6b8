using System.Globalization;
using Platform.Residents.Domain.Budgets;

namespace Platform.Residents.Tests.Budgets;

/// <summary>
/// An election in the Pabulib file format (sections META, PROJECTS and VOTES of <c>;</c>-separated lines, each with a
/// header; a vote lists project ids separated by commas), read into the budget rules' input, with the approvals the
/// file's PROJECTS section lists for each project where it has a <c>votes</c> column.
/// </summary>
internal sealed record PabulibElection(
    decimal Budget, IReadOnlyList<BudgetProject> Projects, IReadOnlyList<IReadOnlyList<string>> Ballots, IReadOnlyDictionary<string, int> ListedVotes)
{
    public static PabulibElection Read(string path)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var projects = new List<BudgetProject>();
        var ballots = new List<IReadOnlyList<string>>();
        var listedVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? section = null;
        string[] header = [];
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            if (line is "META" or "PROJECTS" or "VOTES")
            {
                (section, header) = (line, []);
                continue;
            }

            var cells = line.Split(';');
            if (header.Length == 0)
            {
                header = cells;
                continue;
            }

            string Cell(string name) => cells[Array.IndexOf(header, name)];
            switch (section)
            {
                case "META":
                    meta[cells[0]] = cells[1];
                    break;
                case "PROJECTS":
                    projects.Add(new BudgetProject(Cell("project_id"), decimal.Parse(Cell("cost"), CultureInfo.InvariantCulture)));
                    if (header.Contains("votes"))
                    {
                        listedVotes[Cell("project_id")] = int.Parse(Cell("votes"), CultureInfo.InvariantCulture);
                    }

                    break;
                case "VOTES":
                    ballots.Add(Cell("vote").Split(','));
                    break;
            }
        }

        return new PabulibElection(decimal.Parse(meta["budget"], CultureInfo.InvariantCulture), projects, ballots, listedVotes);
    }
}
