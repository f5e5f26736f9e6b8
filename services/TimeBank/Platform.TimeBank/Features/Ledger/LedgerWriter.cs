using Microsoft.EntityFrameworkCore;
using Platform.Domain;
using Platform.TimeBank.Data;
using Platform.TimeBank.Domain.Ledger;
using Platform.TimeBank.Features.Service;
using Platform.ServiceDefaults;

namespace Platform.TimeBank.Features.Ledger;

/// <summary>What a transfer request came to: the transfer, and whether this request wrote it (false: a replay).</summary>
/// <param name="Transfer">The transfer.</param>
/// <param name="Created">Whether this request wrote it.</param>
internal sealed record TransferWrite(Transfer Transfer, bool Created);

/// <summary>
/// Every write to the ledger goes through here, so that each is one database transaction that holds the row locks of
/// what it changes: first the transfer it finishes or reverses, then its accounts in id order (two writers over the same
/// accounts queue up instead of deadlocking). The domain then checks the limits against balances no one else can change
/// until the commit, which is what keeps a hundred simultaneous debits of one account above its minimum.
/// </summary>
internal sealed class LedgerWriter(TimeBankDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Writes <paramref name="order"/>, or answers the transfer already written under its id: the same fields replay it,
    /// other fields are refused.
    /// </summary>
    /// <exception cref="DomainException">An account is unknown, the id is taken by other fields, or a rule refuses it.</exception>
    public Task<TransferWrite> TransferAsync(TransferOrder order, string? createdBy, CancellationToken cancellationToken) =>
        RetryingRaceAsync(async () =>
        {
            if (await FindTransferAsync(order.Id, cancellationToken) is { } existing)
            {
                return existing.Matches(order) ? new TransferWrite(existing, Created: false) : throw DifferentFields(order.Id);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var entry = await WriteAsync(order, createdBy, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TransferWrite(entry.Transfer, Created: true);
        });

    /// <summary>
    /// Writes every order of a batch in one transaction, all or nothing: an order whose id exists is a replay (the same
    /// fields) or refuses the batch (other fields); any refusal names the item and leaves the ledger as it was. The
    /// accounts of the whole batch are locked at once in id order, so concurrent batches queue up instead of deadlocking,
    /// and every transfer is written with a single save.
    /// </summary>
    /// <exception cref="DomainException">An account is unknown, an id is taken by other fields, or a rule refuses an item.</exception>
    public async Task<IReadOnlyList<TransferWrite>> TransferBatchAsync(
        IReadOnlyList<TransferOrder> orders, Action<TransferOrder, IReadOnlyDictionary<Guid, Account>> authorize, string? createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(authorize);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Guid[] accountIds = [.. orders.SelectMany(o => new[] { o.From, o.To }).Distinct()];
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync(
            $"""SELECT 1 FROM accounts WHERE "TenantId" = {tenantId} AND "Id" = ANY({accountIds}) ORDER BY "Id" FOR UPDATE""", cancellationToken);
        var accounts = await db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        Guid[] ids = [.. orders.Select(o => o.Id)];
        var existing = await db.Transfers.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var rules = new Dictionary<Purpose, LedgerRules>();
        var now = clock.GetUtcNow();
        var writes = new List<TransferWrite>(orders.Count);
        for (var index = 0; index < orders.Count; index++)
        {
            var order = orders[index];
            try
            {
                authorize(order, accounts);
                if (existing.TryGetValue(order.Id, out var written))
                {
                    writes.Add(written.Matches(order) ? new TransferWrite(written, Created: false) : throw DifferentFields(order.Id));
                    continue;
                }

                if (!rules.TryGetValue(order.Purpose, out var purposeRules))
                {
                    rules[order.Purpose] = purposeRules = await RulesAsync(order.Purpose, cancellationToken);
                }

                var entry = Transfer.Open(order, Find(accounts, order.From), Find(accounts, order.To), purposeRules, createdBy, now);
                db.Transfers.Add(entry.Transfer);
                db.Postings.AddRange(entry.Postings);
                writes.Add(new TransferWrite(entry.Transfer, Created: true));
            }
            catch (DomainException refused)
            {
                throw new DomainException(refused.Error, $"Item {index} (transfer {order.Id}): {refused.Message}", refused.Field is { } field ? $"items[{index}].{field}" : $"items[{index}]");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return writes;
    }

    /// <summary>
    /// Writes <paramref name="order"/> inside the caller's transaction, which commits it together with the rest of a use
    /// case's changes (an approval and its event).
    /// </summary>
    /// <exception cref="DomainException">An account is unknown or a rule refuses the transfer.</exception>
    public async Task<LedgerEntry> WriteAsync(TransferOrder order, string? createdBy, CancellationToken cancellationToken)
    {
        RequireTransaction();
        var (from, to) = await LockAccountsAsync(order.From, order.To, cancellationToken);
        var entry = Transfer.Open(order, from, to, await RulesAsync(order.Purpose, cancellationToken), createdBy, clock.GetUtcNow());
        await SaveAsync(entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// The account like <paramref name="candidate"/> (same owner, kind and purpose), opened as the candidate if there is
    /// none; two first uses at once open one account. Safe inside a transaction: the insert never fails on the race.
    /// </summary>
    /// <returns>The account and whether this call opened it.</returns>
    public async Task<(Account Account, bool Opened)> FindOrOpenAsync(Account candidate, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        var (purpose, ownerType, kind) = (candidate.Purpose.ToString(), candidate.OwnerType.ToString(), candidate.Kind.ToString());
        var opened = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO accounts ("Id", "TenantId", "Purpose", "OwnerType", "OwnerId", "Kind", "NodePath", "BalanceMinutes", "PendingDebitMinutes",
                                  "PendingCreditMinutes", "EarnedMinutes", "PostingCount", "CreatedAt")
            VALUES ({candidate.Id}, {tenantId}, {purpose}, {ownerType}, {candidate.OwnerId}, {kind}, {candidate.NodePath}, 0, 0, 0, 0, 0, {candidate.CreatedAt})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleAsync(
            a => a.OwnerType == candidate.OwnerType && a.OwnerId == candidate.OwnerId && a.Kind == candidate.Kind && a.Purpose == candidate.Purpose, cancellationToken);
        return (account, opened == 1);
    }

    /// <summary>Posts or voids pending transfer <paramref name="id"/>; one whose timeout passed is voided and refused.</summary>
    /// <exception cref="DomainException">There is no such transfer, it is finished, or it expired.</exception>
    public async Task<Transfer> FinishAsync(Guid id, bool post, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var transfer = await FinishWithinAsync(id, post, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return transfer;
        }
        catch (DomainException expired) when (expired.Error == LedgerErrors.TransferExpired)
        {
            // The expiry is kept even though the request is refused: the sweep would void it anyway.
            await transaction.CommitAsync(cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// Posts or voids pending transfer <paramref name="id"/> inside the caller's transaction, which commits it together
    /// with the rest of a use case's changes (an exchange's confirmation).
    /// </summary>
    /// <exception cref="DomainException">There is no such transfer, it is finished, or it expired (then it is voided, saved but not committed).</exception>
    public async Task<Transfer> FinishWithinAsync(Guid id, bool post, CancellationToken cancellationToken)
    {
        RequireTransaction();
        var transfer = await LockTransferAsync(id, cancellationToken);
        var (from, to) = await LockAccountsAsync(transfer.DebitAccountId, transfer.CreditAccountId, cancellationToken);
        var now = clock.GetUtcNow();
        if (transfer.ExpireIfDue(from, to, now))
        {
            await db.SaveChangesAsync(cancellationToken);
            throw new DomainException(LedgerErrors.TransferExpired, $"Transfer {id} expired at {transfer.ExpiresAt:O} and is voided.");
        }

        if (post)
        {
            await SaveAsync(transfer.Post(from, to, now), cancellationToken);
        }
        else
        {
            transfer.Void(from, to, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return transfer;
    }

    /// <summary>
    /// Voids transfer <paramref name="id"/> inside the caller's transaction if it is still pending (an expired one too, which
    /// the sweep would void anyway); a transfer already voided stays as it is.
    /// </summary>
    /// <exception cref="DomainException">There is no such transfer, or it was posted.</exception>
    public async Task VoidIfPendingWithinAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireTransaction();
        var transfer = await LockTransferAsync(id, cancellationToken);
        if (transfer.Status == TransferStatus.Voided)
        {
            return;
        }

        var (from, to) = await LockAccountsAsync(transfer.DebitAccountId, transfer.CreditAccountId, cancellationToken);
        if (!transfer.ExpireIfDue(from, to, clock.GetUtcNow()))
        {
            transfer.Void(from, to, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reverses posted transfer <paramref name="id"/> whole, once, as transfer <paramref name="reversalId"/>; a replay answers
    /// the reversal. Reversing a service record's credit also announces the correction, in the same transaction.
    /// </summary>
    /// <exception cref="DomainException">There is no such transfer, it cannot be reversed (again), the reversal id is taken, or a limit refuses it.</exception>
    public Task<TransferWrite> ReverseAsync(Guid id, Guid reversalId, string? memo, string? createdBy, CancellationToken cancellationToken) =>
        RetryingRaceAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var original = await LockTransferAsync(id, cancellationToken);
            if (await FindTransferAsync(reversalId, cancellationToken) is { } existing)
            {
                return existing.IsReversalOf(original, reversalId) ? new TransferWrite(existing, Created: false) : throw DifferentFields(reversalId);
            }

            var (debited, credited) = await LockAccountsAsync(original.DebitAccountId, original.CreditAccountId, cancellationToken);
            var entry = original.Reverse(reversalId, memo, credited, debited, await RulesAsync(original.Purpose, cancellationToken), createdBy, clock.GetUtcNow());
            await ServiceRecordReversals.AnnounceIfServiceRecordAsync(db, entry.Transfer, createdBy, cancellationToken);
            await SaveAsync(entry, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new TransferWrite(entry.Transfer, Created: true);
        });

    /// <summary>Closes account <paramref name="id"/>, which must be empty.</summary>
    /// <exception cref="DomainException">There is no such account, or it is not empty.</exception>
    public async Task<Account> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (account, _) = await LockAccountsAsync(id, id, cancellationToken);
        account.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <summary>Voids every pending transfer of the current district whose timeout has passed; how many it voided.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Transfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Pending && t.ExpiresAt <= now)
            .OrderBy(t => t.ExpiresAt).Select(t => t.Id).Take(500).ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var transfer = await LockTransferAsync(id, cancellationToken);
            var (from, to) = await LockAccountsAsync(transfer.DebitAccountId, transfer.CreditAccountId, cancellationToken);
            // Posted or voided meanwhile: nothing left to expire.
            if (transfer.ExpireIfDue(from, to, now))
            {
                await db.SaveChangesAsync(cancellationToken);
                expired++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return expired;
    }

    /// <summary>
    /// Moves the earned minutes that expired under each of the current district's rules to its expiry account, account by
    /// account, each under the locks of a transfer; how many accounts lost minutes. Another instance doing the same round
    /// finds the lots already spent once it gets the locks.
    /// </summary>
    public async Task<int> ExpireEarnedDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        foreach (var rules in await db.LedgerRules.AsNoTracking().Where(r => r.ExpiryYears != null).ToListAsync(cancellationToken))
        {
            var earnedBefore = rules.ExpiredBefore(now)!.Value;
            // Accounts with minutes to spare credited before the cutoff but after the round last settled them (an index
            // probe on the credits of each); their lots tell whether any are left.
            var candidates = await db.Accounts.AsNoTracking()
                .Where(a => a.Purpose == rules.Purpose && a.Kind == AccountKind.Personal && a.BalanceMinutes - a.PendingDebitMinutes > 0
                    && db.Postings.Any(p => p.AccountId == a.Id && p.AmountMinutes > 0 && p.PostedAt < earnedBefore
                        && (a.EarnedSettledBefore == null || p.PostedAt >= a.EarnedSettledBefore)))
                .Select(a => a.Id).ToListAsync(cancellationToken);
            if (candidates.Count == 0)
            {
                continue;
            }

            var (expiry, _) = await FindOrOpenAsync(Account.OfBank(AccountKind.Expiry, rules.Purpose, now), cancellationToken);
            foreach (var accountId in candidates)
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (account, expiryAccount) = await LockAccountsAsync(accountId, expiry.Id, cancellationToken);
                var postings = await db.Postings.AsNoTracking().Where(p => p.AccountId == accountId).OrderBy(p => p.Sequence).ToListAsync(cancellationToken);
                if (Transfer.Expire(Guid.CreateVersion7(), account, EarnedLots.Of(postings), expiryAccount, rules, earnedBefore, now) is { } entry)
                {
                    db.Transfers.Add(entry.Transfer);
                    db.Postings.AddRange(entry.Postings);
                    expired++;
                }

                account.SettleEarnedBefore(earnedBefore);
                await db.SaveChangesAsync(cancellationToken);

                await transaction.CommitAsync(cancellationToken);
            }
        }

        return expired;
    }

    /// <summary>The current district's rules for <paramref name="purpose"/>, its own or the defaults.</summary>
    public async Task<LedgerRules> RulesAsync(Purpose purpose, CancellationToken cancellationToken) =>
        await db.LedgerRules.AsNoTracking().SingleOrDefaultAsync(r => r.Purpose == purpose, cancellationToken) ?? LedgerRules.Defaults(purpose);

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ledger write runs inside a transaction that holds its locks.");
        }
    }

    private Task<Transfer?> FindTransferAsync(Guid id, CancellationToken cancellationToken) =>
        db.Transfers.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    private async Task<Transfer> LockTransferAsync(Guid id, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync(
            $"""SELECT 1 FROM transfers WHERE "TenantId" = {tenantId} AND "Id" = {id} FOR UPDATE""", cancellationToken);
        return await FindTransferAsync(id, cancellationToken)
            ?? throw new DomainException(LedgerErrors.TransferNotFound, $"There is no transfer {id}.");
    }

    private async Task<(Account First, Account Second)> LockAccountsAsync(Guid first, Guid second, CancellationToken cancellationToken)
    {
        Guid[] ids = [first, second];
        var tenantId = db.CurrentTenantId;
        await db.Database.ExecuteSqlAsync(
            $"""SELECT 1 FROM accounts WHERE "TenantId" = {tenantId} AND "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", cancellationToken);
        var accounts = await db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return (Find(accounts, first), Find(accounts, second));
    }

    private static Account Find(Dictionary<Guid, Account> accounts, Guid id) =>
        accounts.GetValueOrDefault(id) ?? throw new DomainException(LedgerErrors.AccountNotFound, $"There is no account {id}.");

    private async Task SaveAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (db.Entry(entry.Transfer).State == EntityState.Detached)
        {
            db.Transfers.Add(entry.Transfer);
        }

        db.Postings.AddRange(entry.Postings);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Two requests with one new id race to insert it: the loser's insert fails on the key, and its second attempt
    // finds the winner's transfer and answers it as a replay (or refuses different fields).
    private async Task<TransferWrite> RetryingRaceAsync(Func<Task<TransferWrite>> write)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await write();
        }
    }

    private static DomainException DifferentFields(Guid id) =>
        new(LedgerErrors.TransferExistsWithDifferentFields, $"Transfer {id} exists with other fields; choose a new id for a new transfer.");
}
