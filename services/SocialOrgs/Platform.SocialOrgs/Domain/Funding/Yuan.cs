namespace Platform.SocialOrgs.Domain.Funding;

/// <summary>Sums of money in yuan: exact decimals, to the fen (two places).</summary>
public static class Yuan
{
    /// <summary>The largest sum a call or proposal names (a hundred million yuan), far beyond any community budget.</summary>
    public const decimal Max = 100_000_000m;

    /// <summary>Why <paramref name="amount"/> is not a positive sum in yuan to the fen, or null.</summary>
    public static string? Problem(decimal amount) =>
        amount <= 0 ? "A positive sum of yuan."
        : amount > Max ? $"At most {Max} yuan."
        : decimal.Round(amount, 2) != amount ? "Yuan to the fen: at most two decimal places."
        : null;
}
