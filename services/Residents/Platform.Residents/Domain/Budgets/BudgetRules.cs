namespace Platform.Residents.Domain.Budgets;

/// <summary>How a participatory budget picks its projects from the ballots.</summary>
public enum BudgetRule
{
    /// <summary>By votes, most first; a project that no longer fits is skipped and the next considered.</summary>
    Greedy,

    /// <summary>The Method of Equal Shares with cost utilities, completed by <see cref="Greedy"/> over the money left.</summary>
    EqualShares,
}

/// <summary>Why a project was not selected.</summary>
public enum NotSelectedReason
{
    /// <summary>Fewer votes than the budget's minimum.</summary>
    NotEnoughVotes,

    /// <summary>Enough votes, but the money did not reach it.</summary>
    DidNotFit,
}

/// <summary>A project on the ballot: its code (unique in the budget, case-sensitive) and its cost in yuan (&gt; 0).</summary>
public sealed record BudgetProject(string Code, decimal Cost);

/// <summary>One project's outcome: its votes, whether it was selected and, if not, why.</summary>
public sealed record ProjectOutcome(string Code, decimal Cost, int Votes, bool Selected, NotSelectedReason? Reason);

/// <summary>A budget's result: the selected codes in the order of selection, the money spent and every project's outcome.</summary>
public sealed record BudgetOutcome(BudgetRule Rule, decimal Amount, decimal Spent, IReadOnlyList<string> Selected, IReadOnlyList<ProjectOutcome> Projects);

/// <summary>
/// The two selection rules of a participatory budget, exactly as the domain guide and issue 13 define them, in exact
/// rational arithmetic. Ties (equal votes, or exactly equal ρ) go to the lower cost, then to the code in ordinal order.
/// </summary>
public static class BudgetSelection
{
    /// <summary>Selects projects from <paramref name="ballots"/> (each a set of project codes, none empty) under <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentException">Costs not positive, codes repeated, a ballot empty or naming an unknown or repeated code, or the amount negative.</exception>
    public static BudgetOutcome Select(
        BudgetRule rule, decimal amount, IReadOnlyList<BudgetProject> projects, IReadOnlyList<IReadOnlyList<string>> ballots, int minVotes = 1)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            if (project.Cost <= 0 || !index.TryAdd(project.Code, index.Count))
            {
                throw new ArgumentException($"Project {project.Code}: costs are positive and codes unique.", nameof(projects));
            }
        }

        var supporters = projects.Select(_ => new List<int>()).ToArray();
        for (var voter = 0; voter < ballots.Count; voter++)
        {
            var picks = ballots[voter];
            if (picks.Count == 0 || picks.Distinct(StringComparer.Ordinal).Count() != picks.Count || picks.Any(code => !index.ContainsKey(code)))
            {
                throw new ArgumentException($"Ballot {voter}: not empty, each known code once.", nameof(ballots));
            }

            foreach (var code in picks)
            {
                supporters[index[code]].Add(voter);
            }
        }

        var eligible = Enumerable.Range(0, projects.Count).Where(p => supporters[p].Count >= minVotes).ToList();
        var selected = new List<int>();
        if (rule == BudgetRule.EqualShares && ballots.Count > 0)
        {
            selected.AddRange(EqualShares(Fraction.Of(amount), projects, supporters, ballots.Count, eligible));
        }
        else if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a budget rule.");
        }

        // Greedy, and the equal-shares completion: the money left after what is selected, over every unselected project.
        var left = amount - selected.Sum(p => projects[p].Cost);
        foreach (var p in eligible.Except(selected).OrderByDescending(p => supporters[p].Count).ThenBy(p => projects[p].Cost).ThenBy(p => projects[p].Code, StringComparer.Ordinal).ToList())
        {
            if (projects[p].Cost <= left)
            {
                selected.Add(p);
                left -= projects[p].Cost;
            }
        }

        var chosen = selected.ToHashSet();
        return new BudgetOutcome(
            rule,
            amount,
            amount - left,
            [.. selected.Select(p => projects[p].Code)],
            [.. projects.Select((project, p) => new ProjectOutcome(
                project.Code, project.Cost, supporters[p].Count, chosen.Contains(p),
                chosen.Contains(p) ? null : supporters[p].Count < minVotes ? NotSelectedReason.NotEnoughVotes : NotSelectedReason.DidNotFit))]);
    }

    /// <summary>
    /// The equal-shares phase: every voter starts with amount ÷ n; repeatedly the affordable project (its supporters hold at
    /// least its cost together) with the smallest ρ — the least price per yuan of cost with Σ min(bᵢ, ρ·c) = c — is selected
    /// and each supporter pays min(bᵢ, ρ·c).
    /// </summary>
    private static List<int> EqualShares(Fraction amount, IReadOnlyList<BudgetProject> projects, List<int>[] supporters, int voters, List<int> eligible)
    {
        var budgets = Enumerable.Repeat(amount / Fraction.Of(voters, 1), voters).ToArray();
        var remaining = new List<int>(eligible);
        var selected = new List<int>();
        while (true)
        {
            (int Project, Fraction Rho)? best = null;
            foreach (var p in remaining)
            {
                if (Rho(Fraction.Of(projects[p].Cost), supporters[p], budgets) is not { } rho)
                {
                    continue;
                }

                if (best is not { } current || rho < current.Rho
                    || (rho == current.Rho && (projects[p].Cost < projects[current.Project].Cost
                        || (projects[p].Cost == projects[current.Project].Cost && string.CompareOrdinal(projects[p].Code, projects[current.Project].Code) < 0))))
                {
                    best = (p, rho);
                }
            }

            if (best is not { } winner)
            {
                return selected;
            }

            var share = winner.Rho * Fraction.Of(projects[winner.Project].Cost);
            foreach (var voter in supporters[winner.Project])
            {
                budgets[voter] -= Fraction.Min(budgets[voter], share);
            }

            selected.Add(winner.Project);
            remaining.Remove(winner.Project);
        }
    }

    /// <summary>The smallest ρ with Σ min(bᵢ, ρ·c) = c over the supporters, or null when they cannot pay c together.</summary>
    private static Fraction? Rho(Fraction cost, List<int> supporters, Fraction[] budgets)
    {
        var held = supporters.Select(v => budgets[v]).Order().ToList();
        var total = held.Aggregate(Fraction.Zero, (sum, b) => sum + b);
        if (total < cost)
        {
            return null;
        }

        // The poorest pay all they have while their budget is below an equal split of what is still owed.
        var owed = cost;
        for (var i = 0; i < held.Count; i++)
        {
            var perHead = owed / Fraction.Of(held.Count - i, 1);
            if (held[i] >= perHead)
            {
                return perHead / cost;
            }

            owed -= held[i];
        }

        // Unreachable: the supporters hold at least the cost, so the richest always covers the last equal split.
        throw new InvalidOperationException("The supporters hold the cost but no split covers it.");
    }
}
