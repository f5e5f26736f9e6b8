using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Committees;

/// <summary>Which body governs an area between assemblies.</summary>
public enum CommitteeKind
{
    /// <summary>业主委员会: elected by the owners' assembly, filed with the street.</summary>
    OwnersCommittee,

    /// <summary>物业管理委员会: formed by the street where owners cannot form an assembly or failed to elect.</summary>
    InterimCommittee,
}

/// <summary>Where a committee stands. An owners' committee walks every step; an interim committee is active once formed.</summary>
public enum CommitteeStage
{
    /// <summary>The preparatory group (筹备组) is formed.</summary>
    Preparing,

    /// <summary>The group has verified the owners' roll.</summary>
    RollVerified,

    /// <summary>The rules of procedure and the covenant are drafted.</summary>
    RulesDrafted,

    /// <summary>Candidates are nominated; the election vote may be drawn up.</summary>
    CandidatesNominated,

    /// <summary>The election vote is drawn up or running.</summary>
    Electing,

    /// <summary>Elected, not yet filed (备案) with the street.</summary>
    Elected,

    /// <summary>Filed with the street, or (an interim committee) formed: it governs the area.</summary>
    Active,

    /// <summary>Its term ended, it was recalled or dissolved, or its election failed.</summary>
    Ended,
}

/// <summary>Why a committee ended.</summary>
public enum CommitteeEnding
{
    /// <summary>Its term came to an end.</summary>
    TermEnded,

    /// <summary>The owners recalled it.</summary>
    Recalled,

    /// <summary>The street dissolved it (an interim committee, once owners elected their own).</summary>
    Dissolved,

    /// <summary>The election vote did not fill an odd number of 5 to 11 seats.</summary>
    ElectionFailed,
}

/// <summary>Why the street formed an interim committee.</summary>
public enum InterimReason
{
    /// <summary>The owners cannot form an assembly.</summary>
    CannotFormAssembly,

    /// <summary>The owners tried and failed to elect a committee.</summary>
    FailedToElect,
}

/// <summary>
/// An area's owners' committee (业委会) from its preparatory group to the end of its term, or an interim committee
/// (物管会) formed by the street. Each step is allowed only from the one before it and is recorded with who took it.
/// An area has at most one committee of each kind under way and at most one active committee of either kind (the
/// database's indexes decide between two acting at once).
/// </summary>
public sealed class Committee : ITenantOwned
{
    /// <summary>The fewest seats of an owners' committee.</summary>
    public const int MinSeats = 5;

    /// <summary>The most seats of an owners' committee.</summary>
    public const int MaxSeats = 11;

    /// <summary>The longest term of an owners' committee, in years.</summary>
    public const int MaxTermYears = 5;

    /// <summary>The longest term of an interim committee, in years.</summary>
    public const int MaxInterimTermYears = 3;

    /// <summary>How long an interim committee may stay once the owners have elected their committee.</summary>
    public static readonly TimeSpan InterimDissolutionPeriod = TimeSpan.FromDays(30);

    /// <summary>How early before a term ends the re-election is reminded of.</summary>
    public static readonly TimeSpan ReElectionNotice = TimeSpan.FromDays(180);

    private Committee()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>Owners' or interim committee.</summary>
    public CommitteeKind Kind { get; private set; }

    /// <summary>The step reached.</summary>
    public CommitteeStage Stage { get; private set; }

    /// <summary>The preparatory group of an owners' committee.</summary>
    public IReadOnlyList<CommitteeMember> PreparatoryGroup { get; private set; } = [];

    /// <summary>The members once elected (or, an interim committee, formed).</summary>
    public IReadOnlyList<CommitteeMember> Members { get; private set; } = [];

    /// <summary>The candidates for election.</summary>
    public IReadOnlyList<CommitteeCandidate> Candidates { get; private set; } = [];

    /// <summary>How many seats the election fills.</summary>
    public int? Seats { get; private set; }

    /// <summary>The election vote, once drawn up.</summary>
    public Guid? ElectionVoteId { get; private set; }

    /// <summary>Why the street formed an interim committee.</summary>
    public InterimReason? InterimReason { get; private set; }

    /// <summary>When the preparatory group (or the interim committee) was formed.</summary>
    public DateTimeOffset FormedAt { get; private set; }

    /// <summary>Who formed it.</summary>
    public string FormedBy { get; private set; } = "";

    /// <summary>When the owners elected it.</summary>
    public DateTimeOffset? ElectedAt { get; private set; }

    /// <summary>When it was filed with the street (an owners' committee) and became active.</summary>
    public DateTimeOffset? FiledAt { get; private set; }

    /// <summary>Who at the street filed it.</summary>
    public string? FiledBy { get; private set; }

    /// <summary>When its term ends, once active.</summary>
    public DateTimeOffset? TermEndsAt { get; private set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Who ended it.</summary>
    public string? EndedBy { get; private set; }

    /// <summary>Why it ended.</summary>
    public CommitteeEnding? Ending { get; private set; }

    /// <summary>The last step, with who took it and when.</summary>
    public string ChangedBy { get; private set; } = "";

    /// <summary>When the last step was taken.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Counts the steps, so that two taking one at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>Whether it governs the area now.</summary>
    public bool IsActive => Stage == CommitteeStage.Active;

    /// <summary>
    /// Forms the preparatory group (筹备组) of an area's owners' committee: it includes a community party representative
    /// and a residents'-committee member.
    /// </summary>
    public static Committee FormPreparatoryGroup(Guid areaId, IReadOnlyList<CommitteeMember> group, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (PreparatoryGroupProblem(group) is { } problem)
        {
            throw new DomainException(PropertyErrors.CommitteeComposition, problem, "preparatoryGroup");
        }

        var committee = New(areaId, CommitteeKind.OwnersCommittee, CommitteeStage.Preparing, by, now);
        committee.PreparatoryGroup = [.. group.Select(Trimmed)];
        return committee;
    }

    /// <summary>Why a preparatory group is unacceptable, or null.</summary>
    public static string? PreparatoryGroupProblem(IReadOnlyList<CommitteeMember> group) =>
        MembersProblem(group)
        ?? (!group.Any(m => m.PartyRepresentative) ? "The preparatory group includes a community party representative."
            : !group.Any(m => m.ResidentsCommitteeMember) ? "The preparatory group includes a residents'-committee member."
            : null);

    /// <summary>
    /// The street forms an interim committee (物管会): owners are more than half its members, a residents'-committee
    /// member chairs it, its term is at most <see cref="MaxInterimTermYears"/> years.
    /// </summary>
    public static Committee FormInterim(
        Guid areaId, IReadOnlyList<CommitteeMember> members, InterimReason reason, DateTimeOffset termEndsAt, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (InterimMembersProblem(members) is { } problem)
        {
            throw new DomainException(PropertyErrors.CommitteeComposition, problem, "members");
        }

        if (termEndsAt <= now || termEndsAt > now.AddYears(MaxInterimTermYears))
        {
            throw new DomainException(PropertyErrors.CommitteeTerm, $"An interim committee's term ends in the future, within {MaxInterimTermYears} years.", "termEndsAt");
        }

        var committee = New(areaId, CommitteeKind.InterimCommittee, CommitteeStage.Active, by, now);
        committee.Members = [.. members.Select(Trimmed)];
        committee.InterimReason = reason;
        committee.FiledAt = now;
        committee.FiledBy = by;
        committee.TermEndsAt = termEndsAt;
        return committee;
    }

    /// <summary>Why an interim committee's members are unacceptable, or null.</summary>
    public static string? InterimMembersProblem(IReadOnlyList<CommitteeMember> members) =>
        MembersProblem(members)
        ?? (members.Count(m => m.OwnerId is not null) * 2 <= members.Count ? "Owners are more than half of an interim committee's members."
            : members.Count(m => m.Chair) != 1 ? "An interim committee has one chair."
            : !members.Single(m => m.Chair).ResidentsCommitteeMember ? "A residents'-committee member chairs the interim committee."
            : null);

    /// <summary>The preparatory group has verified the owners' roll.</summary>
    public void VerifyRoll(string by, DateTimeOffset now) => Step(CommitteeStage.Preparing, CommitteeStage.RollVerified, by, now);

    /// <summary>The rules of procedure and the management covenant are drafted.</summary>
    public void DraftRules(string by, DateTimeOffset now) => Step(CommitteeStage.RollVerified, CommitteeStage.RulesDrafted, by, now);

    /// <summary>
    /// Nominates the candidates (owners of the area, each at most once, party recommendations flagged) for
    /// <paramref name="seats"/> seats: an odd number from <see cref="MinSeats"/> to <see cref="MaxSeats"/>, no more than the candidates.
    /// </summary>
    public void NominateCandidates(IReadOnlyList<CommitteeCandidate> candidates, int seats, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        EnsureStage(CommitteeStage.RulesDrafted);
        if (SeatsProblem(seats) is { } seatsProblem)
        {
            throw new DomainException(PropertyErrors.CommitteeComposition, seatsProblem, "seats");
        }

        if (CandidatesProblem(candidates, seats) is { } problem)
        {
            throw new DomainException(PropertyErrors.CommitteeComposition, problem, "candidates");
        }

        Candidates = [.. candidates.Select((c, i) => c with { Key = $"c{i + 1}", Name = c.Name.Trim() })];
        Seats = seats;
        Step(CommitteeStage.RulesDrafted, CommitteeStage.CandidatesNominated, by, now);
    }

    /// <summary>Why a number of seats is unacceptable, or null.</summary>
    public static string? SeatsProblem(int seats) =>
        seats is < MinSeats or > MaxSeats || seats % 2 == 0 ? $"An owners' committee has an odd number of {MinSeats} to {MaxSeats} members." : null;

    /// <summary>Why a candidate list is unacceptable for <paramref name="seats"/> seats, or null.</summary>
    public static string? CandidatesProblem(IReadOnlyList<CommitteeCandidate> candidates, int seats) =>
        candidates.Count < seats ? "At least as many candidates as seats."
        : candidates.Count > Votes.Vote.MaxMatters ? $"At most {Votes.Vote.MaxMatters} candidates."
        : candidates.Any(c => CommitteeMember.Problem(c.Name) is not null) ? CommitteeMember.Problem(null)
        : candidates.Select(c => c.OwnerId).Distinct().Count() != candidates.Count ? "An owner is a candidate once."
        : null;

    /// <summary>The election vote (matter <c>elect_committee</c>, one per candidate) is drawn up.</summary>
    public void StartElection(Guid voteId, string by, DateTimeOffset now)
    {
        Step(CommitteeStage.CandidatesNominated, CommitteeStage.Electing, by, now);
        ElectionVoteId = voteId;
    }

    /// <summary>
    /// Records the closed election's count: the candidates that passed (the majority rule of their matter) take the seats
    /// by most approving area, then most approving owners; a tie for the last seat leaves it unfilled. Unless an odd
    /// number of <see cref="MinSeats"/> to <see cref="MaxSeats"/> is elected, the election failed and the committee ends
    /// (the street may then form an interim committee). Returns whether it was elected.
    /// </summary>
    public bool RecordElection(Votes.Tally tally, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tally);
        EnsureStage(CommitteeStage.Electing);
        var ranked = tally.Matters.Where(m => m.Passed && Candidates.Any(c => c.Key == m.Key))
            .OrderByDescending(m => m.ApproveArea).ThenByDescending(m => m.ApproveOwners).ToList();
        var seated = ranked.Take(Seats!.Value).ToList();
        if (ranked.Count > seated.Count && seated.Count > 0
            && (ranked[seated.Count].ApproveArea, ranked[seated.Count].ApproveOwners) == (seated[^1].ApproveArea, seated[^1].ApproveOwners))
        {
            seated.RemoveAll(m => (m.ApproveArea, m.ApproveOwners) == (seated[^1].ApproveArea, seated[^1].ApproveOwners));
        }

        if (SeatsProblem(seated.Count) is not null)
        {
            End(CommitteeStage.Electing, CommitteeEnding.ElectionFailed, by, now);
            return false;
        }

        Members = [.. seated.Select(m => Candidates.Single(c => c.Key == m.Key))
            .Select(c => new CommitteeMember { Name = c.Name, OwnerId = c.OwnerId, PartyRecommended = c.PartyRecommended })];
        ElectedAt = now;
        Step(CommitteeStage.Electing, CommitteeStage.Elected, by, now);
        return true;
    }

    /// <summary>The street files (备案) the elected committee, which becomes active for a term of up to <see cref="MaxTermYears"/> years.</summary>
    public void File(int termYears, string by, DateTimeOffset now)
    {
        if (termYears is < 1 or > MaxTermYears)
        {
            throw new DomainException(PropertyErrors.CommitteeTerm, $"An owners' committee's term is 1 to {MaxTermYears} years.", "termYears");
        }

        Step(CommitteeStage.Elected, CommitteeStage.Active, by, now);
        FiledAt = now;
        FiledBy = by;
        TermEndsAt = now.AddYears(termYears);
    }

    /// <summary>The committee's term has come to its end.</summary>
    public void EndTerm(string by, DateTimeOffset now)
    {
        if (IsActive && now < TermEndsAt)
        {
            throw new DomainException(PropertyErrors.CommitteeStep, $"The term runs until {TermEndsAt:yyyy-MM-dd}.");
        }

        End(CommitteeStage.Active, CommitteeEnding.TermEnded, by, now);
    }

    /// <summary>The owners recalled their committee.</summary>
    public void Recall(string by, DateTimeOffset now)
    {
        EnsureKind(CommitteeKind.OwnersCommittee);
        End(CommitteeStage.Active, CommitteeEnding.Recalled, by, now);
    }

    /// <summary>The street dissolves its interim committee (within <see cref="InterimDissolutionPeriod"/> of the owners electing theirs).</summary>
    public void Dissolve(string by, DateTimeOffset now)
    {
        EnsureKind(CommitteeKind.InterimCommittee);
        End(CommitteeStage.Active, CommitteeEnding.Dissolved, by, now);
    }

    /// <summary>
    /// Whether an interim committee is overdue for dissolution at <paramref name="now"/>, given when the area's owners
    /// elected their committee (null if they have not).
    /// </summary>
    public bool DissolutionOverdue(DateTimeOffset? ownersElectedAt, DateTimeOffset now) =>
        Kind == CommitteeKind.InterimCommittee && IsActive && ownersElectedAt is { } elected && now > elected + InterimDissolutionPeriod;

    /// <summary>Whether an active committee's re-election is due: its term ends within <see cref="ReElectionNotice"/>, or has ended.</summary>
    public bool ReElectionDue(DateTimeOffset now) => IsActive && now >= TermEndsAt - ReElectionNotice;

    private static Committee New(Guid areaId, CommitteeKind kind, CommitteeStage stage, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), AreaId = areaId, Kind = kind, Stage = stage, FormedAt = now, FormedBy = by, ChangedBy = by, ChangedAt = now,
    };

    private static string? MembersProblem(IReadOnlyList<CommitteeMember> members) =>
        members.Count == 0 ? "At least one member."
        : members.Count > MaxMembers ? $"At most {MaxMembers} members."
        : members.FirstOrDefault(m => CommitteeMember.Problem(m.Name) is not null) is { } bad ? CommitteeMember.Problem(bad.Name)
        : members.Where(m => m.OwnerId is not null).Select(m => m.OwnerId).Distinct().Count() != members.Count(m => m.OwnerId is not null) ? "An owner is a member once."
        : null;

    /// <summary>The most members of a preparatory group or interim committee.</summary>
    public const int MaxMembers = 30;

    private static CommitteeMember Trimmed(CommitteeMember member) => member with { Name = member.Name.Trim() };

    private void EnsureStage(CommitteeStage stage)
    {
        if (Stage != stage)
        {
            throw new DomainException(PropertyErrors.CommitteeStep, $"The committee is {Stage.ToWire()}; this step follows {stage.ToWire()}.");
        }
    }

    private void EnsureKind(CommitteeKind kind)
    {
        if (Kind != kind)
        {
            throw new DomainException(PropertyErrors.CommitteeStep, $"Only an {kind.ToWire()} takes this step.");
        }
    }

    private void Step(CommitteeStage from, CommitteeStage to, string by, DateTimeOffset now)
    {
        EnsureStage(from);
        Stage = to;
        ChangedBy = by;
        ChangedAt = now;
        Version++;
    }

    private void End(CommitteeStage from, CommitteeEnding ending, string by, DateTimeOffset now)
    {
        Step(from, CommitteeStage.Ended, by, now);
        Ending = ending;
        EndedAt = now;
        EndedBy = by;
    }
}

/// <summary>A candidate for an owners' committee: an owner of the area.</summary>
public sealed record CommitteeCandidate
{
    /// <summary>The key the election vote's matter has (c1, c2, …), given at nomination.</summary>
    public string Key { get; init; } = "";

    /// <summary>The candidate's name.</summary>
    public required string Name { get; init; }

    /// <summary>The owner the candidate is.</summary>
    public required Guid OwnerId { get; init; }

    /// <summary>Recommended by the party organisation (党组织推荐), flagged on the ballot.</summary>
    public bool PartyRecommended { get; init; }
}
