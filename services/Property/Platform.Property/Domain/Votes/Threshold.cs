using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.Property.Domain.Votes;

/// <summary>
/// A share that a part must reach of a whole, compared exactly: "≥ 2/3" holds when 3·part ≥ 2·whole, "> 1/2" when
/// 2·part &gt; whole. Areas are decimals and counts integers, so no rounding ever decides a vote. Written
/// <c>&gt;=2/3</c> or <c>&gt;1/2</c>.
/// </summary>
/// <param name="Numerator">The fraction's numerator.</param>
/// <param name="Denominator">The fraction's denominator, positive.</param>
/// <param name="Inclusive">Whether reaching the fraction exactly is enough (≥) or it must be exceeded (&gt;).</param>
public readonly record struct Threshold(int Numerator, int Denominator, bool Inclusive)
{
    /// <summary>The largest denominator accepted in a tenant's rules.</summary>
    public const int MaxDenominator = 1000;

    /// <summary>At least two thirds (the quorum).</summary>
    public static readonly Threshold TwoThirds = new(2, 3, Inclusive: true);

    /// <summary>At least three quarters (items 6–8).</summary>
    public static readonly Threshold ThreeQuarters = new(3, 4, Inclusive: true);

    /// <summary>More than half (every other item).</summary>
    public static readonly Threshold MoreThanHalf = new(1, 2, Inclusive: false);

    /// <summary>Whether <paramref name="part"/> of <paramref name="whole"/> reaches the threshold.</summary>
    public bool IsMetBy(decimal part, decimal whole)
    {
        var scaledPart = part * Denominator;
        var scaledWhole = whole * Numerator;
        return Inclusive ? scaledPart >= scaledWhole : scaledPart > scaledWhole;
    }

    /// <summary>Whether every part that meets this threshold also meets <paramref name="other"/>: this one is as strict or stricter.</summary>
    public bool IsAtLeastAsStrictAs(Threshold other)
    {
        var mine = (long)Numerator * other.Denominator;
        var theirs = (long)other.Numerator * Denominator;
        return mine > theirs || (mine == theirs && (other.Inclusive || !Inclusive));
    }

    /// <summary>Reads <c>&gt;=n/d</c> or <c>&gt;n/d</c> (a fraction of at most one), or says why it is not one.</summary>
    public static bool TryParse(string? text, out Threshold threshold, [NotNullWhen(false)] out string? problem)
    {
        threshold = default;
        problem = "A threshold is written >=n/d or >n/d, e.g. >=2/3.";
        var trimmed = text?.Trim() ?? "";
        var inclusive = trimmed.StartsWith(">=", StringComparison.Ordinal);
        if (!inclusive && !trimmed.StartsWith('>'))
        {
            return false;
        }

        var fraction = trimmed[(inclusive ? 2 : 1)..].Split('/');
        if (fraction.Length != 2
            || !int.TryParse(fraction[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || !int.TryParse(fraction[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator))
        {
            return false;
        }

        if (denominator is 0 or > MaxDenominator || numerator > denominator || (!inclusive && numerator == denominator))
        {
            problem = $"A fraction of at most one with a denominator from 1 to {MaxDenominator}.";
            return false;
        }

        threshold = new Threshold(numerator, denominator, inclusive);
        problem = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{(Inclusive ? ">=" : ">")}{Numerator}/{Denominator}";
}
