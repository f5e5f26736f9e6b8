using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;

namespace Platform.Residents.Domain.Deliberation;

/// <summary>The category of seat a representative holds.</summary>
public enum RepresentativeSeat
{
    /// <summary>居民代表: a resident of the area.</summary>
    Residents,

    /// <summary>驻区单位: a unit located in the area.</summary>
    LocalUnits,

    /// <summary>社会组织: a social organisation working in the area.</summary>
    SocialOrganisations,

    /// <summary>特邀代表: an invitee (a lawyer, a planner, a deputy to the people's congress …).</summary>
    Invitees,
}

/// <summary>Who put a nominee forward.</summary>
public enum RepresentativeNomination
{
    /// <summary>The community party organisation (党组织推荐).</summary>
    PartyOrganisation,

    /// <summary>Residents jointly (居民联名推荐).</summary>
    Residents,

    /// <summary>The nominee themself (自荐).</summary>
    Self,
}

/// <summary>Where a nominee stands.</summary>
public enum RepresentativeStatus
{
    /// <summary>Published for objections (公示中).</summary>
    InPublicity,

    /// <summary>Confirmed after the objection period; serves for the term.</summary>
    Confirmed,

    /// <summary>Not confirmed, with the reason.</summary>
    Rejected,
}

/// <summary>
/// A representative (议事代表) of an area for a term: nominated, published for an objection period (公示) during which
/// anyone signed in may object to the nomination's notice, then confirmed or rejected (DOMAIN.md §2, issue 13).
/// A person is nominated once per area for overlapping terms, whoever puts them forward.
/// </summary>
public sealed class Representative : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest name or organisation accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest reason or note accepted.</summary>
    public const int MaxNoteLength = 1000;

    private Representative()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area represented (a community, a compound …).</summary>
    public Guid NodeId { get; private set; }

    /// <inheritdoc />
    public string NodePath { get; private set; } = "";

    /// <summary>The resident record, for a nominee who is a registered resident; null for others (a unit's delegate, an invitee).</summary>
    public Guid? ResidentId { get; private set; }

    /// <summary>The nominee's name (personal data: public notices show it masked).</summary>
    public string Name { get; private set; } = "";

    /// <summary>The unit or organisation the nominee speaks for, if any.</summary>
    public string? Organisation { get; private set; }

    /// <summary>The category of seat.</summary>
    public RepresentativeSeat Seat { get; private set; }

    /// <summary>Who put them forward.</summary>
    public RepresentativeNomination Nomination { get; private set; }

    /// <summary>The first day of the term.</summary>
    public DateOnly TermStart { get; private set; }

    /// <summary>The last day of the term.</summary>
    public DateOnly TermEnd { get; private set; }

    /// <summary>Where the nominee stands.</summary>
    public RepresentativeStatus Status { get; private set; }

    /// <summary>When the objection period ends; the nominee is confirmed from then.</summary>
    public DateTimeOffset ObjectionsUntil { get; private set; }

    /// <summary>Who entered the nomination.</summary>
    public string NominatedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset NominatedAt { get; private set; }

    /// <summary>Who confirmed or rejected the nominee.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The answer to the objections, or the reason for a rejection.</summary>
    public string? DecisionNote { get; private set; }

    /// <summary>
    /// Nominates a person for a term, to be published at once for <paramref name="objectionPeriod"/> (see
    /// <see cref="Notices.PublicNotices.Nomination"/>). <paramref name="others"/> are the area's nominations whose
    /// terms overlap this one (any status), to refuse the same person twice.
    /// </summary>
    /// <exception cref="DomainException">A blank or overlong name, a term that ends before it starts, or the person nominated already.</exception>
    public static Representative Nominate(
        TerritoryReplicaNode area, Guid? residentId, string name, string? organisation, RepresentativeSeat seat, RepresentativeNomination nomination,
        DateOnly termStart, DateOnly termEnd, IEnumerable<Representative> others, TimeSpan objectionPeriod, string nominatedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentException.ThrowIfNullOrWhiteSpace(nominatedBy);
        Require(!string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxNameLength, "name", $"A name of 1 to {MaxNameLength} characters.");
        Require(organisation is null || (organisation.Trim().Length is > 0 and <= MaxNameLength), "organisation", $"An organisation of 1 to {MaxNameLength} characters, or none.");
        Require(Enum.IsDefined(seat), "seat", WireNames.Expected<RepresentativeSeat>());
        Require(Enum.IsDefined(nomination), "nomination", WireNames.Expected<RepresentativeNomination>());
        Require(termEnd >= termStart, "termEnd", "The term ends on or after the day it starts.");
        Require(seat != RepresentativeSeat.Residents || residentId is not null, "residentId", "A residents' seat is held by a registered resident.");

        var candidate = new Representative
        {
            Id = Guid.CreateVersion7(now),
            NodeId = area.Id,
            NodePath = area.Path,
            ResidentId = residentId,
            Name = name.Trim(),
            Organisation = organisation?.Trim(),
            Seat = seat,
            Nomination = nomination,
            TermStart = termStart,
            TermEnd = termEnd,
            Status = RepresentativeStatus.InPublicity,
            ObjectionsUntil = now + objectionPeriod,
            NominatedBy = nominatedBy,
            NominatedAt = now,
        };
        if (others.FirstOrDefault(candidate.IsSamePersonInOverlappingTerm) is { } earlier)
        {
            var exception = new DomainException(
                RepresentativeErrors.AlreadyNominated, $"This person is nominated for this area already, for a term from {earlier.TermStart:yyyy-MM-dd} to {earlier.TermEnd:yyyy-MM-dd}.");
            exception.Facts["representativeId"] = earlier.Id;
            throw exception;
        }

        return candidate;
    }

    /// <summary>
    /// Confirms the nominee once the objection period is over, into one of the area's <paramref name="seats"/> of their
    /// category: <paramref name="confirmedInArea"/> are the area's confirmed representatives, of whom those of the same
    /// category serving in any part of this term hold seats already. Objections filed must be answered in
    /// <paramref name="note"/> (the residents' meeting heard them and confirmed nevertheless).
    /// </summary>
    /// <exception cref="DomainException">Not in publicity, the period still running, objections left unanswered, or the category's seats all taken.</exception>
    public void Confirm(int objections, string? note, SeatCounts seats, IEnumerable<Representative> confirmedInArea, string decidedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(confirmedInArea);
        RequireInPublicity();
        if (now < ObjectionsUntil)
        {
            var exception = new DomainException(RepresentativeErrors.ObjectionPeriodRunning, $"Objections are taken until {ObjectionsUntil:u}; confirm after that.");
            exception.Facts["objectionsUntil"] = ObjectionsUntil;
            throw exception;
        }

        if (objections > 0 && string.IsNullOrWhiteSpace(note))
        {
            var exception = new DomainException(RepresentativeErrors.ObjectionsUnanswered, $"{objections} objection(s) were filed; say how they were answered.", "note");
            exception.Facts["objections"] = objections;
            throw exception;
        }

        var taken = confirmedInArea.Count(other => other.Id != Id && other.NodeId == NodeId && other.Status == RepresentativeStatus.Confirmed
            && other.Seat == Seat && other.TermStart <= TermEnd && TermStart <= other.TermEnd);
        if (taken >= seats.Of(Seat))
        {
            var exception = new DomainException(
                RepresentativeErrors.SeatsFull, $"All {seats.Of(Seat)} {Seat.ToWire()} seat(s) of the area are held during this term; {taken} representative(s) hold them.");
            exception.Facts["seats"] = seats.Of(Seat);
            exception.Facts["taken"] = taken;
            throw exception;
        }

        Decide(RepresentativeStatus.Confirmed, note, decidedBy, now);
    }

    /// <summary>Rejects the nominee (an objection upheld, the nominee withdrawing …), at any time before a decision.</summary>
    /// <exception cref="DomainException">Not in publicity, or no reason.</exception>
    public void Reject(string reason, string decidedBy, DateTimeOffset now)
    {
        RequireInPublicity();
        Require(!string.IsNullOrWhiteSpace(reason), "note", "A rejection says why.");
        Decide(RepresentativeStatus.Rejected, reason, decidedBy, now);
    }

    /// <summary>Whether two nominations name the same person (the same resident, or the same name for non-residents) for overlapping terms.</summary>
    public bool IsSamePersonInOverlappingTerm(Representative other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var samePerson = ResidentId is { } resident ? other.ResidentId == resident : other.ResidentId is null && other.Name == Name;
        return other.Id != Id && other.NodeId == NodeId && other.Status != RepresentativeStatus.Rejected && samePerson
            && other.TermStart <= TermEnd && TermStart <= other.TermEnd;
    }

    private void Decide(RepresentativeStatus status, string? note, string decidedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        Require(note is null || note.Trim().Length <= MaxNoteLength, "note", $"At most {MaxNoteLength} characters.");
        Status = status;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedBy = decidedBy;
        DecidedAt = now;
    }

    private void RequireInPublicity()
    {
        if (Status != RepresentativeStatus.InPublicity)
        {
            var exception = new DomainException(RepresentativeErrors.InvalidTransition, "The nominee was confirmed or rejected already.");
            exception.Facts["representativeStatus"] = Status.ToWire();
            throw exception;
        }
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException(RepresentativeErrors.InvalidArgument, message, field);
        }
    }
}
