using Platform.MultiTenancy.EntityFramework;

namespace Platform.TimeBank.Domain.Ledger;

/// <summary>
/// A district's rules for one purpose (DOMAIN.md §5): the storage cap, the minimum balance, how long earned minutes
/// last and how long a pending transfer holds its minutes. A district without a row of its own has
/// <see cref="Defaults"/>; the rules in force when a transfer is written are the ones it is checked against.
/// </summary>
public sealed class LedgerRules : ITenantOwned
{
    /// <summary>The default storage cap: 1,500 hours.</summary>
    public const long DefaultCapMinutes = 1_500 * 60;

    /// <summary>The shortest pending timeout a district may set.</summary>
    public static readonly TimeSpan MinPendingTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The longest pending timeout a district may set.</summary>
    public static readonly TimeSpan MaxPendingTimeout = TimeSpan.FromDays(30);

    /// <summary>The default pending timeout: a day.</summary>
    public static readonly TimeSpan DefaultPendingTimeout = TimeSpan.FromHours(24);

    /// <summary>The longest expiry a district may set, in years.</summary>
    public const int MaxExpiryYears = 50;

    private LedgerRules()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The purpose the rules govern.</summary>
    public Purpose Purpose { get; private set; }

    /// <summary>The most a personal account may hold; credits beyond it are refused (the surplus may only be given away).</summary>
    public long CapMinutes { get; private set; }

    /// <summary>The least a personal account or community fund may hold (0: reaching exactly zero is allowed).</summary>
    public long MinimumBalanceMinutes { get; private set; }

    /// <summary>Minutes expire this many years after they were earned; null: they never expire.</summary>
    public int? ExpiryYears { get; private set; }

    /// <summary>How long a pending transfer holds its minutes before it is voided.</summary>
    public TimeSpan PendingTimeout { get; private set; }

    /// <summary>When the district last changed them.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The rules a district has until it sets its own: 1,500 h cap, minimum 0, no expiry, 24 h pending timeout.</summary>
    public static LedgerRules Defaults(Purpose purpose) => new()
    {
        Id = Guid.Empty, Purpose = purpose, CapMinutes = DefaultCapMinutes, MinimumBalanceMinutes = 0, ExpiryYears = null, PendingTimeout = DefaultPendingTimeout,
    };

    /// <summary>Why a set of rules is unacceptable, or null.</summary>
    public static string? Problem(long capMinutes, long minimumBalanceMinutes, int? expiryYears, TimeSpan pendingTimeout) =>
        capMinutes < 1 ? "The cap must be at least one minute."
        : minimumBalanceMinutes > capMinutes ? "The minimum balance cannot lie above the cap."
        : expiryYears is < 1 or > MaxExpiryYears ? $"Minutes expire after 1 to {MaxExpiryYears} years, or never (null)."
        : pendingTimeout < MinPendingTimeout || pendingTimeout > MaxPendingTimeout ? $"The pending timeout lies between {MinPendingTimeout} and {MaxPendingTimeout}."
        : null;

    /// <summary>A district's own rules for a purpose.</summary>
    /// <exception cref="Platform.Domain.DomainException">The rules break <see cref="Problem"/>.</exception>
    public static LedgerRules Set(Purpose purpose, long capMinutes, long minimumBalanceMinutes, int? expiryYears, TimeSpan pendingTimeout, DateTimeOffset now)
    {
        var rules = new LedgerRules { Id = Guid.CreateVersion7(now), Purpose = purpose };
        rules.Change(capMinutes, minimumBalanceMinutes, expiryYears, pendingTimeout, now);
        return rules;
    }

    /// <summary>Changes the rules; transfers written from now on are checked against them.</summary>
    /// <exception cref="Platform.Domain.DomainException">The rules break <see cref="Problem"/>.</exception>
    public void Change(long capMinutes, long minimumBalanceMinutes, int? expiryYears, TimeSpan pendingTimeout, DateTimeOffset now)
    {
        if (Problem(capMinutes, minimumBalanceMinutes, expiryYears, pendingTimeout) is { } problem)
        {
            throw new Platform.Domain.DomainException(LedgerErrors.InvalidSettings, problem);
        }

        (CapMinutes, MinimumBalanceMinutes, ExpiryYears, PendingTimeout, UpdatedAt) = (capMinutes, minimumBalanceMinutes, expiryYears, pendingTimeout, now);
    }

    /// <summary>Minutes earned before this instant have expired at <paramref name="now"/>; null when they never expire.</summary>
    public DateTimeOffset? ExpiredBefore(DateTimeOffset now) => ExpiryYears is { } years ? now.AddYears(-years) : null;

    /// <summary>The limits these rules put on <paramref name="account"/>: the bank's own accounts have none.</summary>
    public AccountLimits LimitsOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Kind switch
        {
            AccountKind.Personal => new AccountLimits(MinimumBalanceMinutes, CapMinutes),
            AccountKind.CommunityFund => new AccountLimits(MinimumBalanceMinutes, null),
            _ => AccountLimits.None,
        };
    }
}

/// <summary>What an account may hold at a write: null where there is no bound.</summary>
/// <param name="MinimumMinutes">The least its available minutes may come to.</param>
/// <param name="CapMinutes">The most its balance plus the minutes on their way in may come to.</param>
public sealed record AccountLimits(long? MinimumMinutes, long? CapMinutes)
{
    /// <summary>No bound at all (the bank's accounts).</summary>
    public static readonly AccountLimits None = new(null, null);
}
