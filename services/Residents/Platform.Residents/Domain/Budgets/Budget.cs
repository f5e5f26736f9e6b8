using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain.Budgets;

/// <summary>Where a participatory budget's money comes from.</summary>
public enum BudgetFund
{
    /// <summary>社区公益金, the community public-welfare fund.</summary>
    CommunityPublicWelfare,

    /// <summary>党组织服务群众经费, the party service fund.</summary>
    PartyService,

    /// <summary>Any other fund.</summary>
    Other,
}

/// <summary>What a ballot may choose.</summary>
public enum BallotKind
{
    /// <summary>Any projects, at most the budget's maximum number of choices.</summary>
    Approval,

    /// <summary>Projects whose total cost fits the amount and reaches the minimum spend share.</summary>
    Knapsack,
}

/// <summary>A budget's stage.</summary>
public enum BudgetStatus
{
    /// <summary>Projects are being put on the list.</summary>
    Draft,

    /// <summary>Residents vote.</summary>
    Open,

    /// <summary>The vote is over and the result computed.</summary>
    Closed,
}

/// <summary>How a ballot reached the budget.</summary>
public enum BudgetBallotChannel
{
    /// <summary>Cast by the resident through their linked account.</summary>
    Online,

    /// <summary>Filled in on paper and entered by a worker.</summary>
    Paper,
}

/// <summary>
/// A participatory budget (经费怎么花，群众说了算): an amount of one fund for an area, a list of projects with costs,
/// the ballot's kind and limits, the vote and, once closed, the result under the budget's rule (DOMAIN.md §2, issue 13).
/// </summary>
public sealed partial class Budget : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The default least number of votes a project needs to be selected.</summary>
    public const int DefaultMinVotes = 1;

    /// <summary>The default age from which a resident may vote.</summary>
    public const int DefaultMinAge = 18;

    private readonly List<BudgetProjectEntry> _projects = [];

    private Budget()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Title, e.g. 2027年幸福小区公益金项目.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The fund spent.</summary>
    public BudgetFund Fund { get; private set; }

    /// <summary>The money to spend, in yuan (two decimal places at most).</summary>
    public decimal Amount { get; private set; }

    /// <summary>The eligible area: residents registered inside this node vote.</summary>
    public Guid NodeId { get; private set; }

    /// <inheritdoc />
    public string NodePath { get; private set; } = "";

    /// <summary>How the projects are selected from the ballots.</summary>
    public BudgetRule Rule { get; private set; }

    /// <summary>What a ballot may choose.</summary>
    public BallotKind BallotKind { get; private set; }

    /// <summary>At most this many projects per ballot; null for no limit.</summary>
    public int? MaxChoices { get; private set; }

    /// <summary>Knapsack ballots spend at least this share of the amount (0 to 1).</summary>
    public decimal MinSpendShare { get; private set; }

    /// <summary>A project with fewer votes is never selected.</summary>
    public int MinVotes { get; private set; }

    /// <summary>Residents vote from this age.</summary>
    public int MinAge { get; private set; }

    /// <summary>The stage.</summary>
    public BudgetStatus Status { get; private set; }

    /// <summary>The projects, in the order they were added.</summary>
    public IReadOnlyList<BudgetProjectEntry> Projects => _projects;

    /// <summary>The ballots counted at close; null before.</summary>
    public int? BallotsCounted { get; private set; }

    /// <summary>The cost of the selected projects; null before close.</summary>
    public decimal? Spent { get; private set; }

    /// <summary>Who created the budget.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the vote opened.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }

    /// <summary>When the vote closed and the result was computed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The selected codes in the order of selection; empty before close.</summary>
    public IReadOnlyList<string> Selected =>
        [.. _projects.Where(p => p.SelectionOrder is not null).OrderBy(p => p.SelectionOrder).Select(p => p.Code)];

    /// <summary>Creates a budget in draft.</summary>
    /// <exception cref="DomainException">The title is blank or too long, the amount not positive or finer than a fen, or a ballot limit out of range.</exception>
    public static Budget Create(
        string title, BudgetFund fund, decimal amount, TerritoryReplicaNode area, BudgetRule rule, BallotKind ballotKind, int? maxChoices, decimal minSpendShare,
        int? minVotes, int? minAge, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        Require(!string.IsNullOrWhiteSpace(title) && title.Trim().Length <= MaxTitleLength, "title", $"A title of 1 to {MaxTitleLength} characters.");
        Require(Enum.IsDefined(fund), "fund", WireNames.Expected<BudgetFund>());
        Require(Enum.IsDefined(rule), "rule", WireNames.Expected<BudgetRule>());
        Require(Enum.IsDefined(ballotKind), "ballot.kind", WireNames.Expected<BallotKind>());
        Require(IsMoney(amount) && amount > 0, "amount", "A positive amount of yuan with at most two decimal places.");
        Require(maxChoices is null or >= 1, "ballot.maxChoices", "At least 1, or null for no limit.");
        Require(minSpendShare is >= 0 and <= 1, "ballot.minSpendShare", "A share from 0 to 1.");
        Require(minVotes is null or >= 1, "minVotes", "At least 1.");
        Require(minAge is null or (>= 0 and <= 150), "minAge", "An age from 0 to 150.");
        return new Budget
        {
            Id = Guid.CreateVersion7(now),
            Title = title.Trim(),
            Fund = fund,
            Amount = amount,
            NodeId = area.Id,
            NodePath = area.Path,
            Rule = rule,
            BallotKind = ballotKind,
            MaxChoices = maxChoices,
            MinSpendShare = minSpendShare,
            MinVotes = minVotes ?? DefaultMinVotes,
            MinAge = minAge ?? DefaultMinAge,
            Status = BudgetStatus.Draft,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>Whether a code is 1–20 characters of A-Z a-z 0-9 _ -.</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>Money as answers show it: two decimal places, e.g. <c>50000.00</c>.</summary>
    public static string FormatMoney(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Adds a project to the list while the budget is in draft.</summary>
    /// <exception cref="DomainException">Not in draft, a malformed code or title, a cost not positive, or a code taken.</exception>
    public BudgetProjectEntry AddProject(string code, string title, decimal cost)
    {
        RequireStatus(BudgetStatus.Draft, "Projects are added while the budget is in draft.");
        if (!IsCode(code))
        {
            throw new DomainException(BudgetErrors.InvalidProject, "A code is 1 to 20 characters of A-Z a-z 0-9 _ -.", "code");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            throw new DomainException(BudgetErrors.InvalidProject, $"A title of 1 to {MaxTitleLength} characters.", "title");
        }

        if (!IsMoney(cost) || cost <= 0)
        {
            throw new DomainException(BudgetErrors.InvalidProject, "A positive cost in yuan with at most two decimal places.", "cost");
        }

        if (_projects.Any(p => p.Code == code))
        {
            throw new DomainException(BudgetErrors.DuplicateCode, $"Project {code} is in the budget already.", "code");
        }

        var project = new BudgetProjectEntry(code, title.Trim(), cost);
        _projects.Add(project);
        return project;
    }

    /// <summary>Opens the vote.</summary>
    /// <exception cref="DomainException">Not in draft, or no project on the list.</exception>
    public void Open(DateTimeOffset now)
    {
        RequireStatus(BudgetStatus.Draft, "Only a budget in draft opens.");
        if (_projects.Count == 0)
        {
            throw new DomainException(BudgetErrors.NoProjects, "Put at least one project on the list before opening the vote.");
        }

        Status = BudgetStatus.Open;
        OpenedAt = now;
    }

    /// <summary>
    /// Casts one resident's ballot. <paramref name="eligible"/> is whether the register has them in the area and of
    /// <see cref="MinAge"/>; <paramref name="alreadyVoted"/> whether they have a ballot here by any channel.
    /// </summary>
    /// <exception cref="DomainException">The vote is not open, the resident is not eligible or voted already, or the ballot breaks a rule.</exception>
    public BudgetBallot CastBallot(
        Guid residentId, bool eligible, bool alreadyVoted, IReadOnlyList<string> projects, BudgetBallotChannel channel, string enteredBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(projects);
        RequireStatus(BudgetStatus.Open, "Ballots are cast while the vote is open.");
        if (!eligible)
        {
            throw new DomainException(BudgetErrors.NotEligible, $"Resident {residentId} is not registered in this budget's area or is under {MinAge}.", "residentId");
        }

        if (alreadyVoted)
        {
            throw new DomainException(BudgetErrors.AlreadyVoted, "This resident has a ballot in this budget already.", "residentId");
        }

        if (BallotProblem(projects) is { } problem)
        {
            throw new DomainException(BudgetErrors.InvalidBallot, problem, "projects");
        }

        return new BudgetBallot(Id, residentId, projects, channel, enteredBy, now);
    }

    /// <summary>Why a ballot's picks break this budget's rules, or null when they count.</summary>
    public string? BallotProblem(IReadOnlyList<string> picks)
    {
        ArgumentNullException.ThrowIfNull(picks);
        if (picks.Count == 0)
        {
            return "A ballot chooses at least one project.";
        }

        var costs = _projects.ToDictionary(p => p.Code, p => p.Cost, StringComparer.Ordinal);
        if (picks.FirstOrDefault(code => !costs.ContainsKey(code)) is { } unknown)
        {
            return $"No project {unknown} in this budget.";
        }

        if (picks.Distinct(StringComparer.Ordinal).Count() != picks.Count)
        {
            return "A project is chosen once.";
        }

        if (MaxChoices is { } max && picks.Count > max)
        {
            return $"At most {max} projects.";
        }

        if (BallotKind == BallotKind.Knapsack)
        {
            var total = picks.Sum(code => costs[code]);
            if (total > Amount)
            {
                return $"The projects chosen cost {FormatMoney(total)}, more than the {FormatMoney(Amount)} to spend.";
            }

            if (total < MinSpendShare * Amount)
            {
                return $"The projects chosen cost {FormatMoney(total)}, less than the required share {MinSpendShare.ToString(CultureInfo.InvariantCulture)} of {FormatMoney(Amount)}.";
            }
        }

        return null;
    }

    /// <summary>Closes the vote and computes the result from every ballot cast under the budget's rule.</summary>
    /// <exception cref="DomainException">The vote is not open.</exception>
    public BudgetOutcome Close(IReadOnlyList<IReadOnlyList<string>> ballots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        RequireStatus(BudgetStatus.Open, "Only an open vote closes.");
        var outcome = BudgetSelection.Select(Rule, Amount, [.. _projects.Select(p => new BudgetProject(p.Code, p.Cost))], ballots, MinVotes);
        var order = outcome.Selected.Select((code, rank) => (code, rank)).ToDictionary(x => x.code, x => x.rank, StringComparer.Ordinal);
        foreach (var (project, tally) in _projects.Zip(outcome.Projects))
        {
            project.Record(tally.Votes, order.TryGetValue(project.Code, out var rank) ? rank + 1 : null, tally.Reason);
        }

        Status = BudgetStatus.Closed;
        ClosedAt = now;
        BallotsCounted = ballots.Count;
        Spent = outcome.Spent;
        return outcome;
    }

    private static bool IsMoney(decimal value) => decimal.Round(value, 2) == value;

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(BudgetErrors.InvalidArgument, message, field);
        }
    }

    private void RequireStatus(BudgetStatus wanted, string message)
    {
        if (Status != wanted)
        {
            var exception = new DomainException(BudgetErrors.InvalidTransition, message);
            exception.Facts["budgetStatus"] = Status.ToWire();
            throw exception;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex CodePattern();
}

/// <summary>A project on a budget's list and, once the budget is closed, its tally.</summary>
public sealed class BudgetProjectEntry
{
    private BudgetProjectEntry()
    {
    }

    internal BudgetProjectEntry(string code, string title, decimal cost) => (Code, Title, Cost) = (code, title, cost);

    /// <summary>The code, unique in the budget, case-sensitive.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Cost in yuan.</summary>
    public decimal Cost { get; private set; }

    /// <summary>Ballots that chose it; null before close.</summary>
    public int? Votes { get; private set; }

    /// <summary>1 for the first project selected, 2 for the next …; null when not selected.</summary>
    public int? SelectionOrder { get; private set; }

    /// <summary>Why it was not selected; null when selected or before close.</summary>
    public NotSelectedReason? Reason { get; private set; }

    internal void Record(int votes, int? selectionOrder, NotSelectedReason? reason) => (Votes, SelectionOrder, Reason) = (votes, selectionOrder, reason);
}

/// <summary>One resident's ballot in a budget: one per resident whichever the channel.</summary>
public sealed class BudgetBallot : ITenantOwned
{
    private BudgetBallot()
    {
    }

    internal BudgetBallot(Guid budgetId, Guid residentId, IReadOnlyList<string> projects, BudgetBallotChannel channel, string enteredBy, DateTimeOffset castAt)
    {
        BudgetId = budgetId;
        ResidentId = residentId;
        Projects = [.. projects];
        Channel = channel;
        EnteredBy = enteredBy;
        CastAt = castAt;
    }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The budget.</summary>
    public Guid BudgetId { get; private set; }

    /// <summary>The resident voting.</summary>
    public Guid ResidentId { get; private set; }

    /// <summary>The project codes chosen.</summary>
    public List<string> Projects { get; private set; } = [];

    /// <summary>Online or paper.</summary>
    public BudgetBallotChannel Channel { get; private set; }

    /// <summary>The account that cast it (the resident's own, or the worker who entered the paper).</summary>
    public string EnteredBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CastAt { get; private set; }
}
