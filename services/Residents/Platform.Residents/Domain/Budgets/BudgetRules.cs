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

/// <summary>A project bought in the equal-shares phase, with what each voter paid for it (zero for those who did not support it).</summary>
/// <param name="Code">The project.</param>
/// <param name="Rho">Its price per yuan of cost.</param>
/// <param name="Paid">Each voter's payment, by ballot index.</param>
public sealed record EqualSharesPurchase(string Code, Fraction Rho, IReadOnlyList<Fraction> Paid);

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
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a budget rule.");
        }

        var election = Election.Of(amount, projects, ballots, minVotes);
        var selected = rule == BudgetRule.EqualShares ? EqualShares(election, onPurchase: null) : [];

        // Greedy, and the equal-shares completion: the money left after what is selected, over every unselected project.
        var left = amount - selected.Sum(p => projects[p].Cost);
        foreach (var p in election.Eligible.Except(selected)
            .OrderByDescending(p => election.Supporters[p].Count).ThenBy(p => projects[p].Cost).ThenBy(p => projects[p].Code, StringComparer.Ordinal).ToList())
        {
            if (projects[p].Cost <= left)
            {
                selected.Add(p);
                left -= projects[p].Cost;
            }
        }

        var chosen = selected.ToHashSet();
        var supporters = election.Supporters;
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
    /// The projects the equal-shares phase buys, in order, with each voter's payment: the method's own account of who paid
    /// for what (the completion that follows is not paid from the shares).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Select"/>.</exception>
    public static IReadOnlyList<EqualSharesPurchase> EqualSharesPurchases(
        decimal amount, IReadOnlyList<BudgetProject> projects, IReadOnlyList<IReadOnlyList<string>> ballots, int minVotes = 1)
    {
        var purchases = new List<EqualSharesPurchase>();
        EqualShares(Election.Of(amount, projects, ballots, minVotes), (p, rho, paid) => purchases.Add(new EqualSharesPurchase(projects[p].Code, rho, paid)));
        return purchases;
    }

    /// <summary>
    /// The equal-shares phase: every voter starts with amount ÷ n; repeatedly the affordable project (its supporters hold at
    /// least its cost together) with the smallest ρ — the least price per yuan of cost with Σ min(bᵢ, ρ·c) = c — is selected
    /// and each supporter pays min(bᵢ, ρ·c).
    /// </summary>
    /// <remarks>
    /// Voters holding the same amount are one class: a round counts each project's supporters per class in one pass over
    /// the ballots, and the exact arithmetic runs once per class, not once per voter (50,000 ballots share few amounts).
    /// </remarks>
    private static List<int> EqualShares(Election election, Action<int, Fraction, Fraction[]>? onPurchase)
    {
        var (projects, supporters, voters) = (election.Projects, election.Supporters, election.Voters);
        var selected = new List<int>();
        if (voters == 0)
        {
            return selected;
        }

        var classBudgets = new List<Fraction> { election.Amount / Fraction.Of(voters, 1) };
        var classByBudget = new Dictionary<Fraction, int> { [classBudgets[0]] = 0 };
        var classOf = new int[voters];
        var counts = new Dictionary<int, int>();
        // Holdings only shrink, so a project's ρ only rises and one its supporters cannot afford never becomes affordable:
        // each round looks at the projects by their last ρ and stops once no later one can beat the best found.
        var lowerBound = election.Eligible.ToDictionary(p => p, _ => Fraction.Zero);
        while (true)
        {
            (int Project, Fraction Rho)? best = null;
            foreach (var p in lowerBound.Keys.OrderBy(p => lowerBound[p]).ThenBy(p => projects[p].Cost).ThenBy(p => projects[p].Code, StringComparer.Ordinal).ToList())
            {
                if (best is { } found && lowerBound[p] > found.Rho)
                {
                    break;
                }

                counts.Clear();
                foreach (var voter in supporters[p])
                {
                    counts[classOf[voter]] = counts.GetValueOrDefault(classOf[voter]) + 1;
                }

                var held = counts.Select(c => (Budget: classBudgets[c.Key], Count: c.Value)).OrderBy(c => c.Budget).ToList();
                if (Rho(Fraction.Of(projects[p].Cost), held) is not { } rho)
                {
                    lowerBound.Remove(p);
                    continue;
                }

                lowerBound[p] = rho;
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
            var paid = onPurchase is null ? null : Enumerable.Repeat(Fraction.Zero, voters).ToArray();
            var movedTo = new Dictionary<int, int>();
            foreach (var voter in supporters[winner.Project])
            {
                var before = classOf[voter];
                var payment = Fraction.Min(classBudgets[before], share);
                if (!movedTo.TryGetValue(before, out var after))
                {
                    var left = classBudgets[before] - payment;
                    if (!classByBudget.TryGetValue(left, out after))
                    {
                        after = classBudgets.Count;
                        classBudgets.Add(left);
                        classByBudget[left] = after;
                    }

                    movedTo[before] = after;
                }

                classOf[voter] = after;
                if (paid is not null)
                {
                    paid[voter] = payment;
                }
            }

            selected.Add(winner.Project);
            lowerBound.Remove(winner.Project);
            onPurchase?.Invoke(winner.Project, winner.Rho, paid!);
        }
    }

    /// <summary>
    /// The smallest ρ with Σ min(bᵢ, ρ·c) = c over the supporters, given as classes of equal budgets in ascending order, or
    /// null when they cannot pay c together.
    /// </summary>
    private static Fraction? Rho(Fraction cost, List<(Fraction Budget, int Count)> held)
    {
        var total = held.Aggregate(Fraction.Zero, (sum, c) => sum + c.Budget * Fraction.Of(c.Count, 1));
        if (total < cost)
        {
            return null;
        }

        // The poorest pay all they have while their budget is below an equal split of what is still owed; a class below
        // the split stays below it as its members drop out one by one, so a class is passed over whole.
        var owed = cost;
        var payers = held.Sum(c => c.Count);
        foreach (var (budget, count) in held)
        {
            var perHead = owed / Fraction.Of(payers, 1);
            if (budget >= perHead)
            {
                return perHead / cost;
            }

            owed -= budget * Fraction.Of(count, 1);
            payers -= count;
        }

        // Unreachable: the supporters hold at least the cost, so the richest always covers the last equal split.
        throw new InvalidOperationException("The supporters hold the cost but no split covers it.");
    }

    /// <summary>An election's checked input: the projects, who supports each, and which have enough votes.</summary>
    private sealed record Election(Fraction Amount, IReadOnlyList<BudgetProject> Projects, List<int>[] Supporters, int Voters, List<int> Eligible)
    {
        public static Election Of(decimal amount, IReadOnlyList<BudgetProject> projects, IReadOnlyList<IReadOnlyList<string>> ballots, int minVotes)
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
            var seen = new HashSet<int>();
            for (var voter = 0; voter < ballots.Count; voter++)
            {
                var picks = ballots[voter];
                seen.Clear();
                if (picks.Count == 0 || picks.Any(code => !index.TryGetValue(code, out var p) || !seen.Add(p)))
                {
                    throw new ArgumentException($"Ballot {voter}: not empty, each known code once.", nameof(ballots));
                }

                foreach (var p in seen)
                {
                    supporters[p].Add(voter);
                }
            }

            var eligible = Enumerable.Range(0, projects.Count).Where(p => supporters[p].Count >= minVotes).ToList();
            return new Election(Fraction.Of(amount), projects, supporters, ballots.Count, eligible);
        }
    }
}
