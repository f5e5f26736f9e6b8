using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;

namespace Platform.Property.Domain.Funds;

/// <summary>What a statement accounts for.</summary>
public enum StatementKind
{
    /// <summary>公共收益: income from the common parts (advertising, parking, rented rooms) and what was spent of it.</summary>
    PublicIncome,

    /// <summary>The special maintenance fund (专项维修资金): contributions, interest and spendings.</summary>
    MaintenanceFund,
}

/// <summary>One line of a statement: income positive, spending negative, yuan with at most two decimals.</summary>
/// <param name="Item">What it is.</param>
/// <param name="Amount">Yuan.</param>
public sealed record StatementLine(string Item, decimal Amount);

/// <summary>
/// A public-income or maintenance-fund statement of an area for a period, published to the area's owners: the balance
/// at the start, its lines, and the closing balance they add up to. Published once per kind and period; a correction is
/// a statement of its own period.
/// </summary>
public sealed class AreaStatement : ITenantOwned
{
    /// <summary>The most lines a statement has.</summary>
    public const int MaxLines = 200;

    /// <summary>The longest item text.</summary>
    public const int ItemMaxLength = 100;

    private AreaStatement()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>Public income or maintenance fund.</summary>
    public StatementKind Kind { get; private set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>The last day of the period.</summary>
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The balance before the period.</summary>
    public decimal OpeningBalance { get; private set; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<StatementLine> Lines { get; private set; } = [];

    /// <summary>The opening balance plus every line.</summary>
    public decimal ClosingBalance { get; private set; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>Who published it.</summary>
    public string PublishedBy { get; private set; } = "";

    /// <summary>Why an amount is unacceptable (more than two decimals, or beyond 10¹² yuan), or null.</summary>
    public static string? AmountProblem(decimal? amount) =>
        amount is not { } value ? "An amount is required."
        : decimal.Round(value, 2) != value ? "At most two decimal places."
        : Math.Abs(value) >= 1_000_000_000_000m ? "Too large."
        : null;

    /// <summary>Why a line's item is unacceptable, or null.</summary>
    public static string? ItemProblem(string? item) =>
        string.IsNullOrWhiteSpace(item) ? "Every line names its item."
        : item.Trim().Length > ItemMaxLength ? $"At most {ItemMaxLength} characters."
        : null;

    /// <summary>Publishes a statement of the area for the period.</summary>
    public static AreaStatement Publish(
        Guid areaId, StatementKind kind, DateOnly periodStart, DateOnly periodEnd, decimal openingBalance, IReadOnlyList<StatementLine> lines, string publishedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (periodEnd < periodStart || periodEnd > DistrictClock.Today(now))
        {
            throw new DomainException(PropertyErrors.StatementInvalid, "A statement covers a period that has begun and ends no later than today, its end not before its start.", "periodEnd");
        }

        if (lines.Count is 0 or > MaxLines)
        {
            throw new DomainException(PropertyErrors.StatementInvalid, $"A statement has 1 to {MaxLines} lines.", "lines");
        }

        if ((AmountProblem(openingBalance) ?? lines.Select(l => ItemProblem(l.Item) ?? AmountProblem(l.Amount)).FirstOrDefault(p => p is not null)) is { } problem)
        {
            throw new DomainException(PropertyErrors.StatementInvalid, problem, "lines");
        }

        return new AreaStatement
        {
            Id = Guid.CreateVersion7(now), AreaId = areaId, Kind = kind, PeriodStart = periodStart, PeriodEnd = periodEnd, OpeningBalance = openingBalance,
            Lines = [.. lines.Select(l => l with { Item = l.Item.Trim() })], ClosingBalance = openingBalance + lines.Sum(l => l.Amount),
            PublishedAt = now, PublishedBy = publishedBy,
        };
    }
}
