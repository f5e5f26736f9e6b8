namespace Platform.TimeBank.Domain.Ledger;

/// <summary>The minutes one credit put on an account, and how many of them are still there.</summary>
/// <param name="Sequence">The sequence of the credit's posting: lots are spent in this order, oldest first.</param>
/// <param name="TransferId">The transfer that credited them.</param>
/// <param name="EarnedAt">When they were credited; they expire a number of years after.</param>
/// <param name="Minutes">How many minutes the lot started with.</param>
/// <param name="RemainingMinutes">How many are left; never negative, never more than <paramref name="Minutes"/>.</param>
public sealed record EarnedLot(long Sequence, Guid TransferId, DateTimeOffset EarnedAt, long Minutes, long RemainingMinutes);

/// <summary>
/// An account's earned lots, derived from its postings alone (so they can always be rebuilt from them and checked
/// against them): every credit opens a lot, every debit spends the oldest lots first, and the minutes left in the lots
/// are always the positive part of the balance. Minutes an overdraft spent ahead are not in any lot: a credit first
/// covers the deficit, and only what takes the balance above zero becomes a lot.
/// </summary>
/// <remarks>
/// Expiry works on these lots: what is left of the lots earned before a cutoff (N years ago) is due to expire, and an
/// expiry transfer to the bank's expiry account then spends exactly those lots, because they are the oldest.
/// </remarks>
public sealed class EarnedLots
{
    private readonly List<EarnedLot> _open = [];

    /// <summary>The account's balance after the postings applied so far.</summary>
    public long BalanceMinutes { get; private set; }

    /// <summary>The lots with minutes left, oldest first.</summary>
    public IReadOnlyList<EarnedLot> Open => _open;

    /// <summary>The minutes left in the lots: the positive part of the balance.</summary>
    public long RemainingMinutes => _open.Sum(l => l.RemainingMinutes);

    /// <summary>The lots of an account from its postings, in their sequence.</summary>
    public static EarnedLots Of(IEnumerable<Posting> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        var lots = new EarnedLots();
        foreach (var posting in postings.OrderBy(p => p.Sequence))
        {
            lots.Apply(posting);
        }

        return lots;
    }

    /// <summary>Applies the account's next posting: a credit opens a lot, a debit spends the oldest lots first.</summary>
    /// <exception cref="ArgumentException">The posting does not follow the balance applied so far.</exception>
    public void Apply(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var before = BalanceMinutes;
        if (posting.BalanceAfterMinutes != before + posting.AmountMinutes)
        {
            throw new ArgumentException($"Posting {posting.Sequence} of account {posting.AccountId} does not follow a balance of {before}.", nameof(posting));
        }

        BalanceMinutes = posting.BalanceAfterMinutes;
        // Lots hold the positive part of the balance; only a change of that part opens or spends lots.
        var change = Math.Max(BalanceMinutes, 0) - Math.Max(before, 0);
        if (change > 0)
        {
            _open.Add(new EarnedLot(posting.Sequence, posting.TransferId, posting.PostedAt, change, change));
        }
        else
        {
            Spend(-change);
        }
    }

    /// <summary>The minutes left in lots earned before <paramref name="earnedBefore"/>: what is due to expire.</summary>
    public long DueToExpire(DateTimeOffset earnedBefore) => _open.Where(l => l.EarnedAt < earnedBefore).Sum(l => l.RemainingMinutes);

    /// <summary>
    /// How many minutes an expiry now takes: what is due, but never minutes reserved by outgoing pending transfers
    /// (those expire at a later sweep if the pending transfer is voided).
    /// </summary>
    public long ExpiringMinutes(DateTimeOffset earnedBefore, long availableMinutes) => Math.Min(DueToExpire(earnedBefore), Math.Max(availableMinutes, 0));

    private void Spend(long minutes)
    {
        while (minutes > 0)
        {
            var oldest = _open[0];
            var spent = Math.Min(minutes, oldest.RemainingMinutes);
            minutes -= spent;
            if (spent == oldest.RemainingMinutes)
            {
                _open.RemoveAt(0);
            }
            else
            {
                _open[0] = oldest with { RemainingMinutes = oldest.RemainingMinutes - spent };
            }
        }
    }
}
