using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.TimeBank.Domain.Ledger;

/// <summary>
/// An account of a district's time bank, of one purpose. Its balance is the sum of its postings (kept here in the
/// same transaction as each posting, and checked against them by the trial balance); minutes reserved by outgoing
/// pending transfers are not available to spend, and minutes on their way in by incoming pending transfers count
/// against the cap, so that posting a pending transfer can never break a limit.
/// </summary>
public sealed class Account : ITenantOwned
{
    /// <summary>The longest owner id (a platform user id, a team id, a node id or a district identifier).</summary>
    public const int OwnerIdMaxLength = 100;

    private Account()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>What the minutes are for.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>Who owns it.</summary>
    public OwnerType OwnerType { get; private set; }

    /// <summary>
    /// The owner: the volunteer's user id, the team's id, the community's node id; for the bank, empty, except for a
    /// clearing account, which names its counterparty district.
    /// </summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>What the account is, which decides its limits.</summary>
    public AccountKind Kind { get; private set; }

    /// <summary>The community's materialised path for a community fund (its scope); null for accounts of the whole district.</summary>
    public string? NodePath { get; private set; }

    /// <summary>The posted balance: the sum of the account's postings.</summary>
    public long BalanceMinutes { get; private set; }

    /// <summary>Minutes reserved by outgoing pending transfers.</summary>
    public long PendingDebitMinutes { get; private set; }

    /// <summary>Minutes on their way in by incoming pending transfers.</summary>
    public long PendingCreditMinutes { get; private set; }

    /// <summary>Minutes credited for service (from the issuance account), less reversals of them: star levels count these.</summary>
    public long EarnedMinutes { get; private set; }

    /// <summary>How many postings the account has; the next posting's sequence number is one more.</summary>
    public long PostingCount { get; private set; }

    /// <summary>
    /// Every lot earned before this instant is spent or expired: the expiry round looks only at credits since (null: it
    /// never settled the account), so each round touches the accounts with something newly due, not every old account.
    /// </summary>
    public DateTimeOffset? EarnedSettledBefore { get; private set; }

    /// <summary>When the account was opened.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it was closed; a closed account takes no transfer.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>What may be spent: the balance less what outgoing pending transfers reserve.</summary>
    public long AvailableMinutes => BalanceMinutes - PendingDebitMinutes;

    /// <summary>The volunteer's star level (星级) from their earned minutes.</summary>
    public int StarLevel => StarLevels.Of(EarnedMinutes);

    /// <summary>A volunteer's account for one purpose (one per purpose per district).</summary>
    public static Account OfVolunteer(string userId, Purpose purpose, DateTimeOffset now) =>
        Open(OwnerType.Volunteer, RequireOwner(userId), AccountKind.Personal, purpose, null, now);

    /// <summary>A volunteer team's account for one purpose.</summary>
    public static Account OfTeam(Guid teamId, Purpose purpose, DateTimeOffset now) =>
        Open(OwnerType.Team, teamId.ToString(), AccountKind.Personal, purpose, null, now);

    /// <summary>A community's fund for one purpose, scoped to the community's node.</summary>
    public static Account FundOf(Guid communityNodeId, string communityPath, Purpose purpose, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(communityPath);
        return Open(OwnerType.Community, communityNodeId.ToString(), AccountKind.CommunityFund, purpose, communityPath, now);
    }

    /// <summary>One of the bank's own accounts (issuance, redemption, expiry) for one purpose.</summary>
    public static Account OfBank(AccountKind kind, Purpose purpose, DateTimeOffset now)
    {
        if (kind is not (AccountKind.Issuance or AccountKind.Redemption or AccountKind.Expiry))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The bank's own accounts are issuance, redemption and expiry; clearing accounts name a counterparty.");
        }

        return Open(OwnerType.Bank, "", kind, purpose, null, now);
    }

    /// <summary>The bank's clearing account with another district for one purpose.</summary>
    public static Account ClearingWith(string counterpartyDistrict, Purpose purpose, DateTimeOffset now) =>
        Open(OwnerType.Bank, RequireOwner(counterpartyDistrict), AccountKind.Clearing, purpose, null, now);

    /// <summary>Closes the account; only an empty account with nothing pending closes.</summary>
    /// <exception cref="DomainException">Minutes are on the account or pending on it, or it is closed already.</exception>
    public void Close(DateTimeOffset now)
    {
        RequireOpen();
        if (BalanceMinutes != 0 || PendingDebitMinutes != 0 || PendingCreditMinutes != 0)
        {
            throw new DomainException(LedgerErrors.AccountNotEmpty, $"Account {Id} holds {BalanceMinutes} minutes ({PendingDebitMinutes} out, {PendingCreditMinutes} in pending); empty it first.");
        }

        ClosedAt = now;
    }

    /// <summary>Reserves minutes for an outgoing pending transfer.</summary>
    internal void ReserveDebit(long minutes, AccountLimits limits)
    {
        RequireOpen();
        RequireAvailable(minutes, limits);
        PendingDebitMinutes += minutes;
    }

    /// <summary>Holds room under the cap for an incoming pending transfer.</summary>
    internal void ReserveCredit(long minutes, AccountLimits limits)
    {
        RequireOpen();
        RequireRoom(minutes, limits);
        PendingCreditMinutes += minutes;
    }

    /// <summary>Gives back an outgoing reservation (void, expiry).</summary>
    internal void ReleaseDebit(long minutes) => PendingDebitMinutes -= minutes;

    /// <summary>Gives back an incoming reservation (void, expiry).</summary>
    internal void ReleaseCredit(long minutes) => PendingCreditMinutes -= minutes;

    /// <summary>Takes minutes off the account as a posting, checked against the limits unless they were reserved.</summary>
    internal Posting Debit(Transfer transfer, bool reserved, AccountLimits limits, DateTimeOffset now)
    {
        if (reserved)
        {
            PendingDebitMinutes -= transfer.Minutes;
        }
        else
        {
            RequireOpen();
            RequireAvailable(transfer.Minutes, limits);
        }

        return Record(transfer, -transfer.Minutes, now);
    }

    /// <summary>Puts minutes on the account as a posting, checked against the limits unless they were reserved.</summary>
    internal Posting Credit(Transfer transfer, bool reserved, AccountLimits limits, DateTimeOffset now)
    {
        if (reserved)
        {
            PendingCreditMinutes -= transfer.Minutes;
        }
        else
        {
            RequireOpen();
            RequireRoom(transfer.Minutes, limits);
        }

        return Record(transfer, transfer.Minutes, now);
    }

    /// <summary>
    /// Records that the expiry round left nothing of the lots earned before <paramref name="cutoff"/>. Not while outgoing
    /// pending transfers reserve minutes: were one voided, its minutes (of old lots) would still have to expire.
    /// </summary>
    internal void SettleEarnedBefore(DateTimeOffset cutoff)
    {
        if (PendingDebitMinutes == 0 && (EarnedSettledBefore is null || EarnedSettledBefore < cutoff))
        {
            EarnedSettledBefore = cutoff;
        }
    }

    /// <summary>Counts minutes as earned by service (positive) or takes back earned minutes that were reversed (negative).</summary>
    internal void CountEarned(long minutes) => EarnedMinutes += minutes;

    /// <summary>Refuses a transfer that names this closed account.</summary>
    internal void RequireOpen()
    {
        if (ClosedAt is not null)
        {
            throw new DomainException(LedgerErrors.AccountClosed, $"Account {Id} is closed.");
        }
    }

    private Posting Record(Transfer transfer, long amount, DateTimeOffset now)
    {
        BalanceMinutes += amount;
        PostingCount++;
        return new Posting(TenantId, Id, PostingCount, transfer.Id, amount, BalanceMinutes, now);
    }

    internal void RequireAvailable(long minutes, AccountLimits limits)
    {
        if (limits.MinimumMinutes is { } minimum && AvailableMinutes - minutes < minimum)
        {
            throw new DomainException(
                LedgerErrors.InsufficientBalance,
                $"Account {Id} has {AvailableMinutes} minutes available; taking {minutes} would leave it below its minimum of {minimum}.");
        }
    }

    internal void RequireRoom(long minutes, AccountLimits limits)
    {
        if (limits.CapMinutes is { } cap && BalanceMinutes + PendingCreditMinutes + minutes > cap)
        {
            throw new DomainException(
                LedgerErrors.CapExceeded,
                $"Account {Id} holds {BalanceMinutes} minutes ({PendingCreditMinutes} on their way in); {minutes} more would exceed its cap of {cap}. Surplus minutes may only be given away.");
        }
    }

    private static string RequireOwner(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        return ownerId.Length <= OwnerIdMaxLength ? ownerId : throw new ArgumentException($"At most {OwnerIdMaxLength} characters.", nameof(ownerId));
    }

    private static Account Open(OwnerType ownerType, string ownerId, AccountKind kind, Purpose purpose, string? nodePath, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OwnerType = ownerType, OwnerId = ownerId, Kind = kind, Purpose = purpose, NodePath = nodePath, CreatedAt = now,
    };
}
