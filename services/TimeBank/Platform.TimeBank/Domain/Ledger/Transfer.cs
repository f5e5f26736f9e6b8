using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.TimeBank.Domain.Ledger;

/// <summary>What a client asks the ledger to do, under an id of its choosing that makes the request idempotent.</summary>
/// <param name="Id">The client's transfer id.</param>
/// <param name="Purpose">The purpose of both accounts.</param>
/// <param name="From">The account debited.</param>
/// <param name="To">The account credited.</param>
/// <param name="Minutes">Whole minutes, at least one.</param>
/// <param name="Memo">What it is for (not compared on a replay).</param>
/// <param name="Pending">Reserve now, post or void later.</param>
/// <param name="ExpiresAt">
/// For a pending transfer the service writes for a use case that takes longer (an exchange's payment): when it expires,
/// instead of after the district's pending timeout. Not compared on a replay.
/// </param>
public sealed record TransferOrder(Guid Id, Purpose Purpose, Guid From, Guid To, long Minutes, string? Memo, bool Pending, DateTimeOffset? ExpiresAt = null);

/// <summary>A transfer together with the postings it wrote (none for a reservation or a void).</summary>
/// <param name="Transfer">The transfer.</param>
/// <param name="Postings">The postings written now, debit first.</param>
public sealed record LedgerEntry(Transfer Transfer, IReadOnlyList<Posting> Postings);

/// <summary>
/// Minutes moved from one account to another of the same purpose, as two immutable postings that sum to zero, or,
/// while pending, reserved on both accounts. Every rule is checked on both accounts before either changes, so a
/// refused transfer changes nothing. A posted transfer is corrected only by one reversing transfer that names it.
/// </summary>
public sealed class Transfer : ITenantOwned
{
    /// <summary>The longest memo.</summary>
    public const int MemoMaxLength = 500;

    private Transfer()
    {
    }

    /// <summary>The client's id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The purpose of both accounts.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>The account debited.</summary>
    public Guid DebitAccountId { get; private set; }

    /// <summary>The account credited.</summary>
    public Guid CreditAccountId { get; private set; }

    /// <summary>Whole minutes, at least one.</summary>
    public long Minutes { get; private set; }

    /// <summary>What it is for.</summary>
    public string? Memo { get; private set; }

    /// <summary>Whether it was asked for as a two-phase (pending) transfer.</summary>
    public bool Pending { get; private set; }

    /// <summary>Where it stands.</summary>
    public TransferStatus Status { get; private set; }

    /// <summary>Whether it moves earned minutes: issued for service, or the reversal of such a transfer.</summary>
    public bool CountsAsEarned { get; private set; }

    /// <summary>The transfer this one reverses, for a reversal.</summary>
    public Guid? ReversesTransferId { get; private set; }

    /// <summary>The transfer that reversed this one, once reversed.</summary>
    public Guid? ReversedByTransferId { get; private set; }

    /// <summary>Who asked for it (a user or client id; null for the service's own work).</summary>
    public string? CreatedBy { get; private set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a pending transfer is voided unless posted before.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>When it was posted or voided.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why a memo is unacceptable, or null.</summary>
    public static string? MemoProblem(string? memo) => memo is { Length: > MemoMaxLength } ? $"At most {MemoMaxLength} characters." : null;

    /// <summary>Writes <paramref name="order"/> between <paramref name="from"/> and <paramref name="to"/> under <paramref name="rules"/>.</summary>
    /// <exception cref="DomainException">
    /// The accounts are one and the same, of another purpose or closed, the debit would take <paramref name="from"/> below
    /// its minimum or the credit <paramref name="to"/> above its cap.
    /// </exception>
    public static LedgerEntry Open(TransferOrder order, Account from, Account to, LedgerRules rules, string? createdBy, DateTimeOffset now) =>
        Write(order, from, to, rules, createdBy, reverses: null, now);

    /// <summary>
    /// Moves what is left of <paramref name="account"/>'s lots earned before <paramref name="earnedBefore"/> to the bank's
    /// expiry account as transfer <paramref name="id"/>, but never minutes reserved by the account's outgoing pending
    /// transfers (they expire in a later round if the reservation is voided); null when nothing is due. The account's
    /// minimum balance does not hold expiry back: expired minutes are not spent, they lapse. <paramref name="lots"/> are the
    /// account's, derived from all its postings so far.
    /// </summary>
    /// <exception cref="ArgumentException">The lots are not the account's current ones, or <paramref name="expiry"/> is not an expiry account of the purpose.</exception>
    public static LedgerEntry? Expire(Guid id, Account account, EarnedLots lots, Account expiry, LedgerRules rules, DateTimeOffset earnedBefore, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(expiry);
        if (lots.BalanceMinutes != account.BalanceMinutes)
        {
            throw new ArgumentException($"The lots of account {account.Id} are behind its postings.", nameof(lots));
        }

        if (expiry.Kind != AccountKind.Expiry)
        {
            throw new ArgumentException($"Account {expiry.Id} is not an expiry account.", nameof(expiry));
        }

        var minutes = lots.ExpiringMinutes(earnedBefore, account.AvailableMinutes);
        if (minutes == 0)
        {
            return null;
        }

        var order = new TransferOrder(id, account.Purpose, account.Id, expiry.Id, minutes, $"Expired: earned before {earnedBefore:yyyy-MM-dd}", Pending: false);
        return Write(order, account, expiry, rules, createdBy: null, reverses: null, now, lapses: true);
    }

    /// <summary>Whether a replay of <paramref name="order"/> asks for this very transfer (the memo is not compared).</summary>
    public bool Matches(TransferOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Id == Id && order.Purpose == Purpose && order.From == DebitAccountId && order.To == CreditAccountId
            && order.Minutes == Minutes && order.Pending == Pending;
    }

    /// <summary>Posts a pending transfer: the reserved minutes move.</summary>
    /// <exception cref="DomainException">It is not pending any more, or its timeout passed.</exception>
    public LedgerEntry Post(Account from, Account to, DateTimeOffset now)
    {
        RequireAccounts(from, to);
        RequirePending(now);
        Status = TransferStatus.Posted;
        FinishedAt = now;
        return new LedgerEntry(this, PostingsOf(from, to, reserved: true, AccountLimits.None, AccountLimits.None, now));
    }

    /// <summary>Voids a pending transfer: its reservations are released and nothing moves.</summary>
    /// <exception cref="DomainException">It is not pending any more.</exception>
    public void Void(Account from, Account to, DateTimeOffset now)
    {
        RequireAccounts(from, to);
        RequirePending(now: null);
        Release(from, to, now);
    }

    /// <summary>Voids the transfer if it is pending and its timeout has passed; whether it did.</summary>
    public bool ExpireIfDue(Account from, Account to, DateTimeOffset now)
    {
        RequireAccounts(from, to);
        if (Status != TransferStatus.Pending || now < ExpiresAt)
        {
            return false;
        }

        Release(from, to, now);
        return true;
    }

    /// <summary>
    /// Reverses the whole posted transfer, once: a new transfer of the same minutes back from the account credited to
    /// the account debited, naming this one. The reversal is checked against the limits like any transfer.
    /// </summary>
    /// <param name="reversalId">The client's id for the reversal.</param>
    /// <param name="memo">Why.</param>
    /// <param name="credited">The account this transfer credited (debited by the reversal).</param>
    /// <param name="debited">The account this transfer debited (credited by the reversal).</param>
    /// <param name="rules">The rules in force.</param>
    /// <param name="createdBy">Who asks.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainException">It is not posted, is a reversal itself, was reversed already, or a limit refuses the reversal.</exception>
    public LedgerEntry Reverse(Guid reversalId, string? memo, Account credited, Account debited, LedgerRules rules, string? createdBy, DateTimeOffset now)
    {
        RequireAccounts(debited, credited);
        if (Status != TransferStatus.Posted)
        {
            throw new DomainException(LedgerErrors.TransferNotPosted, $"Transfer {Id} is {Status.ToWire()}; only a posted transfer is reversed (void a pending one).");
        }

        if (ReversesTransferId is not null)
        {
            throw new DomainException(LedgerErrors.ReversalNotReversible, $"Transfer {Id} is a reversal; write a new transfer instead.");
        }

        if (ReversedByTransferId is { } reversedBy)
        {
            throw new DomainException(LedgerErrors.TransferAlreadyReversed, $"Transfer {Id} was reversed by {reversedBy}.");
        }

        var order = new TransferOrder(reversalId, Purpose, CreditAccountId, DebitAccountId, Minutes, memo, Pending: false);
        var reversal = Write(order, credited, debited, rules, createdBy, reverses: this, now);
        ReversedByTransferId = reversalId;
        return reversal;
    }

    /// <summary>Whether a replay of a reversal with <paramref name="reversalId"/> asks for this very transfer.</summary>
    public bool IsReversalOf(Transfer original, Guid reversalId)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Id == reversalId && ReversesTransferId == original.Id;
    }

    private static LedgerEntry Write(
        TransferOrder order, Account from, Account to, LedgerRules rules, string? createdBy, Transfer? reverses, DateTimeOffset now, bool lapses = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(order.Minutes, 1L, nameof(order));
        if (order.From != from.Id || order.To != to.Id)
        {
            throw new ArgumentException("The accounts are not the ones the order names.", nameof(order));
        }

        if (from.Id == to.Id)
        {
            throw new DomainException(LedgerErrors.SameAccount, "A transfer moves minutes between two different accounts.", "to");
        }

        if (from.Purpose != order.Purpose || to.Purpose != order.Purpose || rules.Purpose != order.Purpose)
        {
            throw new DomainException(
                LedgerErrors.PurposeMismatch,
                $"Minutes never move between purposes: the transfer is {order.Purpose.ToWire()}, the accounts {from.Purpose.ToWire()} and {to.Purpose.ToWire()}.",
                "purpose");
        }

        // Both sides are checked before either changes: a refusal leaves both accounts as they were.
        var (fromLimits, toLimits) = (lapses ? AccountLimits.None : rules.LimitsOf(from), rules.LimitsOf(to));
        from.RequireOpen();
        to.RequireOpen();
        from.RequireAvailable(order.Minutes, fromLimits);
        to.RequireRoom(order.Minutes, toLimits);

        var transfer = new Transfer
        {
            Id = order.Id, Purpose = order.Purpose, DebitAccountId = from.Id, CreditAccountId = to.Id, Minutes = order.Minutes, Memo = order.Memo,
            Pending = order.Pending, CreatedBy = createdBy, CreatedAt = now, ReversesTransferId = reverses?.Id,
            CountsAsEarned = reverses?.CountsAsEarned ?? (from.Kind == AccountKind.Issuance && to.Kind == AccountKind.Personal),
        };
        if (order.Pending)
        {
            from.ReserveDebit(order.Minutes, fromLimits);
            to.ReserveCredit(order.Minutes, toLimits);
            transfer.Status = TransferStatus.Pending;
            transfer.ExpiresAt = order.ExpiresAt ?? now + rules.PendingTimeout;
            return new LedgerEntry(transfer, []);
        }

        transfer.Status = TransferStatus.Posted;
        transfer.FinishedAt = now;
        return new LedgerEntry(transfer, transfer.PostingsOf(from, to, reserved: false, fromLimits, toLimits, now));
    }

    private Posting[] PostingsOf(Account from, Account to, bool reserved, AccountLimits fromLimits, AccountLimits toLimits, DateTimeOffset now)
    {
        Posting[] postings = [from.Debit(this, reserved, fromLimits, now), to.Credit(this, reserved, toLimits, now)];
        if (CountsAsEarned)
        {
            // Service credits the volunteer's earned minutes; its reversal takes them back from the same account.
            if (ReversesTransferId is null)
            {
                to.CountEarned(Minutes);
            }
            else
            {
                from.CountEarned(-Minutes);
            }
        }

        return postings;
    }

    private void Release(Account from, Account to, DateTimeOffset now)
    {
        from.ReleaseDebit(Minutes);
        to.ReleaseCredit(Minutes);
        Status = TransferStatus.Voided;
        FinishedAt = now;
    }

    private void RequirePending(DateTimeOffset? now)
    {
        if (Status != TransferStatus.Pending)
        {
            throw new DomainException(LedgerErrors.TransferAlreadyFinished, $"Transfer {Id} is {Status.ToWire()} already.");
        }

        if (now >= ExpiresAt)
        {
            throw new DomainException(LedgerErrors.TransferExpired, $"Transfer {Id} expired at {ExpiresAt:O} and is voided.");
        }
    }

    private void RequireAccounts(Account debited, Account credited)
    {
        ArgumentNullException.ThrowIfNull(debited);
        ArgumentNullException.ThrowIfNull(credited);
        if (debited.Id != DebitAccountId || credited.Id != CreditAccountId)
        {
            throw new ArgumentException($"Transfer {Id} is between {DebitAccountId} and {CreditAccountId}.");
        }
    }
}
