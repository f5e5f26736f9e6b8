using Platform.Domain;
using Platform.MultiTenancy.EntityFramework;
using Platform.Property.Domain.Votes;

namespace Platform.Property.Domain.Funds;

/// <summary>
/// A spending from an area's maintenance fund (专项维修资金). It is allowed only as a resolution of the owners: it cites a
/// closed vote of the area in which a <c>use_maintenance_fund</c> matter passed, and all spendings citing that matter
/// together stay within the amount it approved.
/// </summary>
public sealed class FundSpending : ITenantOwned
{
    /// <summary>The longest purpose.</summary>
    public const int PurposeMaxLength = 500;

    private FundSpending()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <inheritdoc />
    public Guid TenantId { get; private set; }

    /// <summary>The area whose fund pays.</summary>
    public Guid AreaId { get; private set; }

    /// <summary>The vote that resolved it.</summary>
    public Guid VoteId { get; private set; }

    /// <summary>The matter of that vote.</summary>
    public string MatterKey { get; private set; } = "";

    /// <summary>The amount in yuan.</summary>
    public decimal Amount { get; private set; }

    /// <summary>What it pays for.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; private set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Why a purpose is unacceptable, or null.</summary>
    public static string? PurposeProblem(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? "A purpose is required."
        : purpose.Trim().Length > PurposeMaxLength ? $"At most {PurposeMaxLength} characters."
        : null;

    /// <summary>Why an amount is unacceptable, or null.</summary>
    public static string? AmountProblem(decimal? amount) =>
        amount is not > 0 ? "A positive amount in yuan."
        : decimal.Round(amount.Value, 2) != amount ? "At most two decimal places."
        : null;

    /// <summary>
    /// Records a spending resolved by matter <paramref name="matterKey"/> of <paramref name="vote"/> (counted as
    /// <paramref name="tally"/>), of which <paramref name="alreadySpent"/> has been spent before.
    /// </summary>
    public static FundSpending Resolve(
        Vote vote, Tally? tally, string matterKey, decimal alreadySpent, decimal amount, string purpose, string recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if ((AmountProblem(amount) ?? PurposeProblem(purpose)) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var matter = vote.Matters.FirstOrDefault(m => m.Key == matterKey);
        if (vote.StatusAt(now) != VoteStatus.Closed || tally is null)
        {
            throw Refused($"Vote {vote.Id} has not closed.");
        }

        if (matter is not { Matter: Matter.UseMaintenanceFund, Amount: { } approved })
        {
            throw Refused($"Vote {vote.Id} has no maintenance-fund matter {matterKey}.");
        }

        if (!tally.Matters.Single(m => m.Key == matterKey).Passed)
        {
            throw Refused($"Matter {matterKey} did not pass.");
        }

        if (alreadySpent + amount > approved)
        {
            var refusal = Refused($"Matter {matterKey} approved {approved:0.00} yuan, of which {alreadySpent:0.00} is spent.");
            refusal.Facts["remaining"] = (approved - alreadySpent).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            throw refusal;
        }

        return new FundSpending
        {
            Id = Guid.CreateVersion7(now), AreaId = vote.AreaId, VoteId = vote.Id, MatterKey = matterKey, Amount = amount, Purpose = purpose.Trim(),
            RecordedBy = recordedBy, RecordedAt = now,
        };
    }

    private static DomainException Refused(string message) => new(PropertyErrors.FundSpendingWithoutResolution, message);
}
