using Platform.MultiTenancy.EntityFramework;

namespace Platform.TimeBank.Domain.Ledger;

/// <summary>
/// One side of a posted transfer: minutes taken off (negative) or put on (positive) one account, with the account's
/// balance after it. Postings are never changed or deleted (the database refuses it); a correction is a reversing
/// transfer with postings of its own.
/// </summary>
public sealed class Posting : ITenantOwned
{
    private Posting()
    {
    }

    internal Posting(Guid tenantId, Guid accountId, long sequence, Guid transferId, long amountMinutes, long balanceAfterMinutes, DateTimeOffset postedAt)
    {
        TenantId = tenantId;
        AccountId = accountId;
        Sequence = sequence;
        TransferId = transferId;
        AmountMinutes = amountMinutes;
        BalanceAfterMinutes = balanceAfterMinutes;
        PostedAt = postedAt;
    }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The account.</summary>
    public Guid AccountId { get; private set; }

    /// <summary>The posting's place in the account's history, 1 for its first: a statement's keyset.</summary>
    public long Sequence { get; private set; }

    /// <summary>The transfer it belongs to.</summary>
    public Guid TransferId { get; private set; }

    /// <summary>Minutes put on (positive) or taken off (negative).</summary>
    public long AmountMinutes { get; private set; }

    /// <summary>The account's balance right after this posting.</summary>
    public long BalanceAfterMinutes { get; private set; }

    /// <summary>When it was posted.</summary>
    public DateTimeOffset PostedAt { get; private set; }
}
