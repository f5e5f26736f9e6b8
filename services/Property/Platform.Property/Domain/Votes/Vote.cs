using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Votes;

/// <summary>Where a vote stands.</summary>
public enum VoteStatus
{
    /// <summary>Being prepared; takes no ballots.</summary>
    Draft,

    /// <summary>Taking ballots; the roll is frozen.</summary>
    Open,

    /// <summary>Closed, early by the committee or by itself at its closing time.</summary>
    Closed,
}

/// <summary>
/// A vote of the owners' assembly (业主大会表决) of one area on one or more matters. The decision rules are those of the
/// district when the vote is drawn up; the roll (units, their area and owners) is frozen when it opens, so units
/// added later do not move its totals.
/// </summary>
public sealed class Vote : ITenantOwned
{
    /// <summary>The longest title.</summary>
    public const int TitleMaxLength = 200;

    /// <summary>The most matters one vote asks.</summary>
    public const int MaxMatters = 30;

    private readonly List<VoteMatter> _matters = [];

    private Vote()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area whose owners vote.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>Title, e.g. 关于续聘物业服务企业的表决.</summary>
    public string Title { get; private set; } = "";

    /// <summary>When the vote opens (moved to the opening time when opened early).</summary>
    public DateTimeOffset OpensAt { get; private set; }

    /// <summary>When it closes by itself.</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>The status as last changed; <see cref="StatusAt"/> also knows that an open vote past its closing time is closed.</summary>
    public VoteStatus Status { get; private set; }

    /// <summary>Who must take part for any matter to pass.</summary>
    public DoubleThreshold Quorum { get; private set; }

    /// <summary>The matters, in the order asked.</summary>
    public IReadOnlyList<VoteMatter> Matters => _matters;

    /// <summary>An election's seats: each ballot approves at most this many candidates (one matter each). Null for other votes.</summary>
    public int? Seats { get; private set; }

    /// <summary>The frozen roll's total exclusive area, from the opening on.</summary>
    public decimal TotalArea { get; private set; }

    /// <summary>The frozen roll's owner count, from the opening on.</summary>
    public int TotalOwners { get; private set; }

    /// <summary>Who drew the vote up.</summary>
    public string CreatedBy { get; private set; } = "";

    /// <summary>When it was drawn up.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who opened it.</summary>
    public string? OpenedBy { get; private set; }

    /// <summary>Who closed it early, if anyone did.</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>When it was closed early, if it was.</summary>
    public DateTimeOffset? ClosedEarlyAt { get; private set; }

    /// <summary>Counts the status changes, so that two changing the vote at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>Why a title is unacceptable, or null.</summary>
    public static string? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "A title is required."
        : title.Trim().Length > TitleMaxLength ? $"At most {TitleMaxLength} characters."
        : null;

    /// <summary>Draws up a vote of an area on <paramref name="matters"/>, decided by <paramref name="rules"/>.</summary>
    public static Vote Draft(
        Guid areaId, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, IReadOnlyList<VoteMatterDraft> matters, DecisionRules rules,
        string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(rules);
        if (TitleProblem(title) is { } titleProblem)
        {
            throw new ArgumentException(titleProblem, nameof(title));
        }

        if (closesAt <= opensAt || closesAt <= now)
        {
            throw new DomainException(PropertyErrors.VoteSchedule, "A vote closes after it opens, and in the future.", "closesAt");
        }

        if (MattersProblem(matters) is { } mattersProblem)
        {
            throw new ArgumentException(mattersProblem, nameof(matters));
        }

        var vote = new Vote
        {
            Id = Guid.CreateVersion7(now), AreaId = areaId, Title = title.Trim(), OpensAt = opensAt, ClosesAt = closesAt, Status = VoteStatus.Draft,
            Quorum = rules.Quorum, CreatedBy = createdBy, CreatedAt = now,
        };
        vote._matters.AddRange(matters.Select(m => new VoteMatter(m.Key.Trim(), m.Matter, m.Question.Trim(), m.Amount, rules.PassOf(m.Matter))));
        return vote;
    }

    /// <summary>
    /// Draws up a committee election: one <see cref="Matter.ElectCommittee"/> matter per candidate (keyed by the
    /// candidate's key), each ballot approving at most <paramref name="seats"/> of them.
    /// </summary>
    public static Vote DraftElection(
        Guid areaId, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, IReadOnlyList<VoteMatterDraft> candidates, int seats,
        DecisionRules rules, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Any(c => c.Matter != Matter.ElectCommittee) || seats < 1 || seats > candidates.Count)
        {
            throw new ArgumentException("An election asks one elect_committee matter per candidate, for at most as many seats.", nameof(candidates));
        }

        var vote = Draft(areaId, title, opensAt, closesAt, candidates, rules, createdBy, now);
        vote.Seats = seats;
        return vote;
    }

    /// <summary>Why a vote's matters are unacceptable, or null: one to <see cref="MaxMatters"/>, keys unique, an amount exactly for the fund matters.</summary>
    public static string? MattersProblem(IReadOnlyList<VoteMatterDraft> matters)
    {
        ArgumentNullException.ThrowIfNull(matters);
        return matters.Count == 0 ? "A vote asks at least one matter."
            : matters.Count > MaxMatters ? $"At most {MaxMatters} matters."
            : matters.Select(m => m.Key.Trim()).Distinct(StringComparer.Ordinal).Count() != matters.Count ? "Every matter has its own key."
            : matters.FirstOrDefault(m => VoteMatter.Problem(m) is not null) is { } bad ? $"{bad.Key}: {VoteMatter.Problem(bad)}"
            : null;
    }

    /// <summary>The status at <paramref name="now"/>: an open vote is closed from its closing time on.</summary>
    public VoteStatus StatusAt(DateTimeOffset now) => Status == VoteStatus.Open && now >= ClosesAt ? VoteStatus.Closed : Status;

    /// <summary>When the vote closed, or null while it has not.</summary>
    public DateTimeOffset? ClosedAt(DateTimeOffset now) => StatusAt(now) == VoteStatus.Closed ? ClosedEarlyAt ?? ClosesAt : null;

    /// <summary>
    /// Opens the vote over the roll as it stands (<paramref name="totalArea"/>, <paramref name="totalOwners"/>: the frozen
    /// roll's totals). Allowed until the closing time; opening before <see cref="OpensAt"/> moves it to now.
    /// </summary>
    public void Open(decimal totalArea, int totalOwners, string openedBy, DateTimeOffset now)
    {
        if (StatusAt(now) != VoteStatus.Draft)
        {
            throw new DomainException(PropertyErrors.VoteNotDraft, $"The vote is {StatusAt(now).ToWire()}; only a draft opens.");
        }

        if (now >= ClosesAt)
        {
            throw new DomainException(PropertyErrors.VoteExpired, "The vote's closing time has passed; draw up a new one.");
        }

        if (now < OpensAt)
        {
            OpensAt = now;
        }

        Status = VoteStatus.Open;
        Version++;
        TotalArea = totalArea;
        TotalOwners = totalOwners;
        OpenedBy = openedBy;
    }

    /// <summary>Closes an open vote before its closing time, recording who did.</summary>
    public void CloseEarly(string closedBy, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = VoteStatus.Closed;
        Version++;
        ClosedBy = closedBy;
        ClosedEarlyAt = now;
    }

    /// <summary>Refuses (409) unless the vote is open at <paramref name="now"/>.</summary>
    public void EnsureOpen(DateTimeOffset now)
    {
        if (StatusAt(now) != VoteStatus.Open)
        {
            throw new DomainException(PropertyErrors.VoteNotOpen, $"The vote is {StatusAt(now).ToWire()}.");
        }
    }

    /// <summary>Refuses (409) unless the vote has closed at <paramref name="now"/>: who voted how is shown only after the count.</summary>
    public void EnsureClosed(DateTimeOffset now)
    {
        if (StatusAt(now) != VoteStatus.Closed)
        {
            throw new DomainException(PropertyErrors.VoteNotClosed, $"The vote is {StatusAt(now).ToWire()}; who voted how is shown once it has closed.");
        }
    }

    /// <summary>
    /// Refuses (400) choices that do not answer every matter exactly once, naming the first missing or unknown key.
    /// </summary>
    public void EnsureAnswersEveryMatter(IReadOnlyDictionary<string, Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (_matters.FirstOrDefault(m => !choices.ContainsKey(m.Key)) is { } missing)
        {
            throw new DomainException(PropertyErrors.BallotChoices, $"No choice for matter {missing.Key}.", "choices");
        }

        if (choices.Keys.FirstOrDefault(key => _matters.All(m => m.Key != key)) is { } unknown)
        {
            throw new DomainException(PropertyErrors.BallotChoices, $"The vote has no matter {unknown}.", "choices");
        }

        if (Seats is { } seats && choices.Values.Count(c => c == Choice.Approve) > seats)
        {
            throw new DomainException(PropertyErrors.BallotChoices, $"An owner approves at most {seats} candidates.", "choices");
        }
    }
}

/// <summary>A matter as a vote is drawn up with it.</summary>
/// <param name="Key">The key ballots answer it by, unique in the vote (e.g. m1).</param>
/// <param name="Matter">Which item of Art. 278.</param>
/// <param name="Question">The question put to the owners.</param>
/// <param name="Amount">The amount in yuan, for the fund matters.</param>
public sealed record VoteMatterDraft(string Key, Matter Matter, string Question, decimal? Amount);

/// <summary>One matter of a vote, with the pass rule it is decided by.</summary>
/// <param name="Key">The key ballots answer it by.</param>
/// <param name="Matter">Which item of Art. 278.</param>
/// <param name="Question">The question put to the owners.</param>
/// <param name="Amount">The amount in yuan, for the fund matters.</param>
/// <param name="Pass">What it needs of the participants.</param>
public sealed record VoteMatter(string Key, Matter Matter, string Question, decimal? Amount, DoubleThreshold Pass)
{
    /// <summary>The longest key.</summary>
    public const int KeyMaxLength = 20;

    /// <summary>The longest question.</summary>
    public const int QuestionMaxLength = 1000;

    /// <summary>Why a matter is unacceptable, or null.</summary>
    public static string? Problem(VoteMatterDraft matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return string.IsNullOrWhiteSpace(matter.Key) || matter.Key.Trim().Length > KeyMaxLength ? $"A key of 1 to {KeyMaxLength} characters."
            : string.IsNullOrWhiteSpace(matter.Question) || matter.Question.Trim().Length > QuestionMaxLength ? $"A question of 1 to {QuestionMaxLength} characters."
            : Votes.Matters.NamesAmount(matter.Matter) && matter.Amount is not > 0 ? "A fund matter names a positive amount in yuan."
            : !Votes.Matters.NamesAmount(matter.Matter) && matter.Amount is not null ? "Only the fund matters name an amount."
            : matter.Amount is { } amount && decimal.Round(amount, 2) != amount ? "An amount in yuan has at most two decimal places."
            : null;
    }
}
