using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.TimeBank.Domain.Ledger;

namespace Platform.TimeBank.Domain.Clearing;

/// <summary>Which side of a clearing transfer a district holds.</summary>
public enum ClearingDirection
{
    /// <summary>This district sends the minutes.</summary>
    Outgoing = 0,

    /// <summary>This district receives them.</summary>
    Incoming = 1,
}

/// <summary>Where a clearing transfer stands.</summary>
public enum ClearingStatus
{
    /// <summary>Sent: the volunteer's minutes are reserved here, the receiver has not answered yet.</summary>
    Pending = 0,

    /// <summary>The receiver credited the user; the sender posted its reservation.</summary>
    Completed = 1,

    /// <summary>The receiver refused; the sender voided its reservation.</summary>
    Rejected = 2,
}

/// <summary>
/// One district's side of a move of a volunteer's minutes to another district (通存通兑). The sender keeps an outgoing
/// record whose ledger transfer (same id) reserves the minutes from the volunteer's account to its clearing account for
/// the receiver; the receiver keeps an incoming record, written once with the credit from its clearing account for the
/// sender (or the refusal). Each side finishes its record at most once, so redelivered answers change nothing.
/// </summary>
public sealed class ClearingTransfer : ITenantOwned
{
    /// <summary>
    /// How long the sender's reservation holds: it is finished by the receiver's answer only, never by the sweep of
    /// pending transfers (voiding it while the receiver credits the user would create minutes).
    /// </summary>
    public static readonly TimeSpan ReservationHold = TimeSpan.FromDays(100 * 365);

    private ClearingTransfer()
    {
    }

    /// <summary>The sender's client-chosen id, also the ledger transfer's id on both sides.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>Which side this district holds.</summary>
    public ClearingDirection Direction { get; private set; }

    /// <summary>The other district's identifier.</summary>
    public string Counterparty { get; private set; } = "";

    /// <summary>The other district's tenant id, which events to it are addressed to.</summary>
    public Guid CounterpartyTenantId { get; private set; }

    /// <summary>The platform user whose minutes move.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The purpose; minutes keep it.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>Whole minutes.</summary>
    public long Minutes { get; private set; }

    /// <summary>Where it stands.</summary>
    public ClearingStatus Status { get; private set; }

    /// <summary>For a refusal, the problem code.</summary>
    public string? RefusalCode { get; private set; }

    /// <summary>For a refusal, why.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who asked for it (the volunteer or a district admin); null on the receiving side.</summary>
    public string? RequestedBy { get; private set; }

    /// <summary>When this side recorded it.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When this side finished it.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The sender's record of a move it is about to reserve.</summary>
    public static ClearingTransfer Send(Guid id, string toDistrict, Guid toTenantId, string userId, Purpose purpose, long minutes, string requestedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        var transfer = Of(id, ClearingDirection.Outgoing, toDistrict, toTenantId, userId, purpose, minutes, now);
        transfer.RequestedBy = requestedBy;
        return transfer;
    }

    /// <summary>The receiver's record of a move it credited.</summary>
    public static ClearingTransfer Received(Guid id, string fromDistrict, Guid fromTenantId, string userId, Purpose purpose, long minutes, DateTimeOffset now)
    {
        var transfer = Of(id, ClearingDirection.Incoming, fromDistrict, fromTenantId, userId, purpose, minutes, now);
        transfer.Finish(ClearingStatus.Completed, null, null, now);
        return transfer;
    }

    /// <summary>The receiver's record of a move it refused.</summary>
    public static ClearingTransfer Refused(
        Guid id, string fromDistrict, Guid fromTenantId, string userId, Purpose purpose, long minutes, DomainError refusal, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var transfer = Of(id, ClearingDirection.Incoming, fromDistrict, fromTenantId, userId, purpose, minutes, now);
        transfer.Finish(ClearingStatus.Rejected, refusal.Code, reason, now);
        return transfer;
    }

    /// <summary>Whether a replay of a request asks for this very move.</summary>
    public bool Matches(string toDistrict, string userId, Purpose purpose, long minutes) =>
        Direction == ClearingDirection.Outgoing && string.Equals(Counterparty, toDistrict, StringComparison.OrdinalIgnoreCase)
        && UserId == userId && Purpose == purpose && Minutes == minutes;

    /// <summary>The order reserving the volunteer's minutes on the sender's clearing account for the receiver.</summary>
    /// <exception cref="InvalidOperationException">This is not the sender's side.</exception>
    public TransferOrder ReservationOrder(Guid volunteerAccountId, Guid clearingAccountId)
    {
        if (Direction != ClearingDirection.Outgoing)
        {
            throw new InvalidOperationException($"Clearing transfer {Id} is the receiving side; the sender reserves.");
        }

        return new TransferOrder(Id, Purpose, volunteerAccountId, clearingAccountId, Minutes, $"通存通兑 → {Counterparty}", Pending: true, ExpiresAt: CreatedAt + ReservationHold);
    }

    /// <summary>The sender applies the receiver's answer; false when an answer was applied already (a redelivery).</summary>
    public bool ApplyAnswer(bool accepted, string? refusalCode, string? reason, DateTimeOffset now)
    {
        if (Direction != ClearingDirection.Outgoing || Status != ClearingStatus.Pending)
        {
            return false;
        }

        Finish(accepted ? ClearingStatus.Completed : ClearingStatus.Rejected, accepted ? null : refusalCode, accepted ? null : reason, now);
        return true;
    }

    private void Finish(ClearingStatus status, string? refusalCode, string? reason, DateTimeOffset now) =>
        (Status, RefusalCode, Reason, FinishedAt) = (status, refusalCode, reason is { Length: > 500 } ? reason[..500] : reason, now);

    private static ClearingTransfer Of(Guid id, ClearingDirection direction, string counterparty, Guid counterpartyTenantId, string userId, Purpose purpose, long minutes, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(counterparty);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1L);
        return new ClearingTransfer
        {
            Id = id, Direction = direction, Counterparty = counterparty, CounterpartyTenantId = counterpartyTenantId, UserId = userId, Purpose = purpose,
            Minutes = minutes, Status = ClearingStatus.Pending, CreatedAt = now,
        };
    }
}

/// <summary>
/// The last balance a counterparty district reported of its clearing account for this district, per purpose: the other
/// half of the reconciliation, learnt by event, never by reading the other district's data.
/// </summary>
public sealed class ClearingReport : ITenantOwned
{
    private ClearingReport()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The reporting district's identifier.</summary>
    public string Counterparty { get; private set; } = "";

    /// <summary>The purpose.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>The counterparty's clearing balance for this district.</summary>
    public long ReportedMinutes { get; private set; }

    /// <summary>The report's version (the counterparty's clearing account's posting count).</summary>
    public long Version { get; private set; }

    /// <summary>When the report arrived.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>A counterparty's first report.</summary>
    public static ClearingReport First(string counterparty, Purpose purpose, long minutes, long version, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(counterparty);
        return new ClearingReport { Id = Guid.CreateVersion7(now), Counterparty = counterparty, Purpose = purpose, ReportedMinutes = minutes, Version = version, ReceivedAt = now };
    }

    /// <summary>Keeps a newer report; an older or equal one (reordered or redelivered) is ignored. Whether it changed.</summary>
    public bool Apply(long minutes, long version, DateTimeOffset now)
    {
        if (version <= Version)
        {
            return false;
        }

        (ReportedMinutes, Version, ReceivedAt) = (minutes, version, now);
        return true;
    }
}
