using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TerritoryReplica;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Domain.Exchanges;

/// <summary>What was posted: who gives help and who pays for it follows from it.</summary>
public enum ExchangeKind
{
    /// <summary>A resident offers help; whoever accepts receives it and pays.</summary>
    Offer = 0,

    /// <summary>A resident asks for help and pays; whoever accepts provides it.</summary>
    Request = 1,

    /// <summary>The community asks for help (社区需求); its community fund pays whoever accepts.</summary>
    CommunityNeed = 2,
}

/// <summary>What kind of help.</summary>
public enum ExchangeCategory
{
    /// <summary>陪伴: company, visits, a chat.</summary>
    Companionship = 0,

    /// <summary>跑腿代办: errands, shopping, queueing.</summary>
    Errands = 1,

    /// <summary>维修: small repairs.</summary>
    Repairs = 2,

    /// <summary>照护: care for the elderly, the sick or children.</summary>
    Care = 3,

    /// <summary>辅导: tutoring, teaching a skill.</summary>
    Tutoring = 4,

    /// <summary>Anything else.</summary>
    Other = 5,
}

/// <summary>Where an exchange stands.</summary>
public enum ExchangeStatus
{
    /// <summary>Posted, waiting for someone to accept.</summary>
    Open = 0,

    /// <summary>Accepted: the payer's minutes are reserved by a pending transfer to the provider.</summary>
    Accepted = 1,

    /// <summary>The provider says the help was given; the receiver (or, for a need, a coordinator) confirms.</summary>
    Done = 2,

    /// <summary>Confirmed: the pending transfer was posted, the provider was paid.</summary>
    Confirmed = 3,

    /// <summary>Cancelled: any reservation was voided, nothing moved.</summary>
    Cancelled = 4,

    /// <summary>A party disputes it; the community's coordinator decides whether the provider is paid.</summary>
    Disputed = 5,
}

/// <summary>
/// Help exchanged between neighbours (互助) in mutual-aid minutes, or a community need paid from the community fund.
/// Acceptance reserves the payer's minutes as a pending transfer (the exchange's id is the transfer's id) from the
/// receiver's account (or the fund) to the provider's; the receiver's confirmation (for a need: a coordinator's
/// approval) posts it, a cancellation voids it. A party may dispute instead; the coordinator of the community the
/// exchange belongs to then pays or cancels. Every step keeps who took it and when, which is the exchange's audit trail.
/// </summary>
public sealed class Exchange : ITenantOwned, ITerritoryPlaced
{
    /// <summary>The longest description, which is also the payment's memo.</summary>
    public const int DescriptionMaxLength = Transfer.MemoMaxLength;

    /// <summary>The longest dispute reason or resolution note.</summary>
    public const int NoteMaxLength = 500;

    /// <summary>The most minutes one exchange is worth (a day of help).</summary>
    public const long MaxMinutes = 24 * 60;

    /// <summary>How long acceptance holds the payer's minutes: longer than a pending transfer's usual timeout, as help takes days.</summary>
    public static readonly TimeSpan ReservationHold = TimeSpan.FromDays(30);

    private Exchange()
    {
    }

    /// <summary>Stable id, also the id of the payment's ledger transfer.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Offer, request or community need.</summary>
    public ExchangeKind Kind { get; private set; }

    /// <summary>What kind of help.</summary>
    public ExchangeCategory Category { get; private set; }

    /// <summary>What is offered or needed.</summary>
    public string Description { get; private set; } = "";

    /// <summary>What the help is worth, in whole mutual-aid minutes.</summary>
    public long Minutes { get; private set; }

    /// <summary>The community it belongs to, whose coordinators settle disputes.</summary>
    public Guid NodeId { get; private set; }

    /// <summary>The community's materialised path.</summary>
    public string NodePath { get; private set; } = "";

    /// <summary>Who posted it (for a need, the staff member).</summary>
    public string PostedBy { get; private set; } = "";

    /// <summary>Who gives the help, once known.</summary>
    public string? ProviderId { get; private set; }

    /// <summary>Who receives the help and pays, once known; null for a community need (the fund pays).</summary>
    public string? ReceiverId { get; private set; }

    /// <summary>Where it stands.</summary>
    public ExchangeStatus Status { get; private set; }

    /// <summary>The account that pays (the receiver's mutual-aid account or the community fund), once accepted.</summary>
    public Guid? PayerAccountId { get; private set; }

    /// <summary>The provider's mutual-aid account, once accepted.</summary>
    public Guid? PayeeAccountId { get; private set; }

    /// <summary>When it was posted.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When the provider said it was done.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>Who disputed it, and why.</summary>
    public string? DisputedBy { get; private set; }

    /// <summary>Why it was disputed.</summary>
    public string? DisputeReason { get; private set; }

    /// <summary>Who finished it: the receiver who confirmed, the coordinator who approved or settled, or who cancelled.</summary>
    public string? FinishedBy { get; private set; }

    /// <summary>The coordinator's note on a settled dispute.</summary>
    public string? ResolutionNote { get; private set; }

    /// <summary>When it was confirmed or cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Whether its payment is reserved and not yet posted or voided.</summary>
    public bool HoldsReservation => Status is ExchangeStatus.Accepted or ExchangeStatus.Done or ExchangeStatus.Disputed;

    /// <summary>Why a description is unacceptable, or null.</summary>
    public static string? DescriptionProblem(string? description) =>
        string.IsNullOrWhiteSpace(description) ? "A description is required."
        : description.Trim().Length > DescriptionMaxLength ? $"At most {DescriptionMaxLength} characters." : null;

    /// <summary>Why a note is unacceptable, or null.</summary>
    public static string? NoteProblem(string? note) => note is { Length: > NoteMaxLength } ? $"At most {NoteMaxLength} characters." : null;

    /// <summary>Why an amount is unacceptable, or null.</summary>
    public static string? MinutesProblem(long? minutes) => minutes is null or < 1 or > MaxMinutes ? $"Whole minutes from 1 to {MaxMinutes}." : null;

    /// <summary>Posts an offer, a request or (staff) a community need in the community at <paramref name="nodePath"/>.</summary>
    public static Exchange Post(
        ExchangeKind kind, ExchangeCategory category, string description, long minutes, Guid nodeId, string nodePath, string postedBy, DateTimeOffset now)
    {
        if ((DescriptionProblem(description) ?? MinutesProblem(minutes)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(nodePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(postedBy);
        return new Exchange
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Category = category, Description = description.Trim(), Minutes = minutes, NodeId = nodeId,
            NodePath = nodePath, PostedBy = postedBy, Status = ExchangeStatus.Open, CreatedAt = now,
            ProviderId = kind == ExchangeKind.Offer ? postedBy : null, ReceiverId = kind == ExchangeKind.Request ? postedBy : null,
        };
    }

    /// <summary>Who provides and who receives (null: the community fund) if <paramref name="userId"/> accepts now.</summary>
    /// <exception cref="DomainException">It is not open, or it is the caller's own.</exception>
    public (string Provider, string? Receiver) PartiesIfAcceptedBy(string userId)
    {
        RequireStatus(ExchangeStatus.Open, "accepted");
        if (userId == PostedBy)
        {
            throw new DomainException(ExchangeErrors.OwnExchange, "Nobody accepts what they posted themselves.");
        }

        return Kind == ExchangeKind.Offer ? (PostedBy, userId) : (userId, ReceiverId);
    }

    /// <summary>
    /// <paramref name="userId"/> accepts: the order reserving the payment from <paramref name="payer"/> (the receiver's
    /// mutual-aid account, or the community's fund for a need) to <paramref name="payee"/> (the provider's).
    /// </summary>
    /// <exception cref="DomainException">It is not open, or it is the caller's own.</exception>
    /// <exception cref="ArgumentException">The accounts are not the parties'.</exception>
    public TransferOrder Accept(string userId, Account payer, Account payee, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(payee);
        var (provider, receiver) = PartiesIfAcceptedBy(userId);
        var payerIsRight = receiver is null
            ? payer.Kind == AccountKind.CommunityFund && payer.OwnerId == NodeId.ToString()
            : payer.OwnerType == OwnerType.Volunteer && payer.OwnerId == receiver;
        if (!payerIsRight || payee.OwnerType != OwnerType.Volunteer || payee.OwnerId != provider || payer.Purpose != Purpose.MutualAid || payee.Purpose != Purpose.MutualAid)
        {
            throw new ArgumentException($"Exchange {Id} is paid from the receiver's (or the community's) mutual-aid account to the provider's.");
        }

        (ProviderId, ReceiverId, PayerAccountId, PayeeAccountId, AcceptedAt, Status) = (provider, receiver, payer.Id, payee.Id, now, ExchangeStatus.Accepted);
        return new TransferOrder(Id, Purpose.MutualAid, payer.Id, payee.Id, Minutes, Description, Pending: true, ExpiresAt: now + ReservationHold);
    }

    /// <summary>The provider says the help was given.</summary>
    /// <exception cref="DomainException">It is not accepted, or the caller is not the provider.</exception>
    public void MarkDone(string userId, DateTimeOffset now)
    {
        RequireStatus(ExchangeStatus.Accepted, "marked done");
        RequireParty(userId == ProviderId, "Only the provider says the help was given.");
        (DoneAt, Status) = (now, ExchangeStatus.Done);
    }

    /// <summary>
    /// The receiver confirms the help was given (for a community need: a coordinator of the community approves the
    /// payment out of the fund); the reserved payment is to be posted.
    /// </summary>
    /// <exception cref="DomainException">It is not done, or the caller may not confirm it.</exception>
    public void Confirm(string userId, bool isCoordinator, DateTimeOffset now)
    {
        RequireStatus(ExchangeStatus.Done, "confirmed");
        RequireParty(
            Kind == ExchangeKind.CommunityNeed ? isCoordinator && userId != ProviderId : userId == ReceiverId,
            Kind == ExchangeKind.CommunityNeed ? "A coordinator of the community, other than the provider, approves paying a need from the fund." : "Only the receiver confirms the help was given.");
        Finish(ExchangeStatus.Confirmed, userId, now);
    }

    /// <summary>
    /// Cancels: the poster while it is open, either party (or a coordinator) once accepted and before it is done. Whether a
    /// reservation is to be voided.
    /// </summary>
    /// <exception cref="DomainException">It is done, disputed or finished, or the caller may not cancel it.</exception>
    public bool Cancel(string userId, bool isCoordinator, DateTimeOffset now)
    {
        if (Status is not (ExchangeStatus.Open or ExchangeStatus.Accepted))
        {
            throw InvalidStep("cancelled");
        }

        var held = HoldsReservation;
        RequireParty(isCoordinator || userId == PostedBy || (held && (userId == ProviderId || userId == ReceiverId)), "Only the poster, a party or a coordinator cancels.");
        Finish(ExchangeStatus.Cancelled, userId, now);
        return held;
    }

    /// <summary>A party disputes the exchange once accepted; the coordinator decides.</summary>
    /// <exception cref="DomainException">It is not accepted or done, or the caller is not a party.</exception>
    public void Dispute(string userId, string reason, DateTimeOffset now)
    {
        if (Status is not (ExchangeStatus.Accepted or ExchangeStatus.Done))
        {
            throw InvalidStep("disputed");
        }

        if (string.IsNullOrWhiteSpace(reason) || NoteProblem(reason) is not null)
        {
            throw new ArgumentException(NoteProblem(reason) ?? "A reason is required.", nameof(reason));
        }

        RequireParty(userId == ProviderId || userId == ReceiverId || (Kind == ExchangeKind.CommunityNeed && userId == PostedBy), "Only a party disputes an exchange.");
        (DisputedBy, DisputeReason, Status) = (userId, reason.Trim(), ExchangeStatus.Disputed);
    }

    /// <summary>A coordinator settles a dispute: the provider is paid (the reservation is posted) or not (it is voided).</summary>
    /// <exception cref="DomainException">It is not disputed, or the caller is no coordinator or is a party.</exception>
    public void Settle(string coordinatorId, bool isCoordinator, bool payProvider, string? note, DateTimeOffset now)
    {
        RequireStatus(ExchangeStatus.Disputed, "settled");
        RequireParty(isCoordinator && coordinatorId != ProviderId && coordinatorId != ReceiverId, "A coordinator of the community who is not a party settles a dispute.");
        ResolutionNote = note?.Trim();
        Finish(payProvider ? ExchangeStatus.Confirmed : ExchangeStatus.Cancelled, coordinatorId, now);
    }

    private void Finish(ExchangeStatus status, string userId, DateTimeOffset now) => (Status, FinishedBy, FinishedAt) = (status, userId, now);

    private void RequireStatus(ExchangeStatus status, string step)
    {
        if (Status != status)
        {
            throw InvalidStep(step);
        }
    }

    private DomainException InvalidStep(string step) => new(ExchangeErrors.InvalidStep, $"Exchange {Id} is {Status.ToWire()}; it cannot be {step} now.");

    private static void RequireParty(bool allowed, string message)
    {
        if (!allowed)
        {
            throw new DomainException(ExchangeErrors.NotAParty, message);
        }
    }
}
